package io.github.staticgo.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.RealGo;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets checked against the platform list of the real Go toolchain. */
class TargetResolverTest {
    private static Map<String, Platform> platforms;
    private static String path;

    @BeforeAll
    static void readTheRealDistList(@TempDir Path dir) throws Exception {
        GoToolchain go = RealGo.toolchain(dir);
        platforms = go.platforms();
        path = go.path();
    }

    private static TargetResolver onAmd64Linux() {
        return new TargetResolver(platforms, "linux/amd64", path);
    }

    private static String failure(List<TargetDeclaration> targets, String defaultCgo) {
        return assertThrows(ConfigurationException.class, () -> onAmd64Linux().resolve(targets, defaultCgo))
                .getMessage();
    }

    private static TargetDeclaration cgo(String platform, String mode, String cc) {
        return new TargetDeclaration(platform, mode, cc, null, null, null, null);
    }

    @Test
    void shortFormsBecomeTargetsWithVariants() throws Exception {
        List<TargetSpec> targets = onAmd64Linux()
                .resolve(
                        List.of(
                                TargetDeclaration.of("linux/amd64"),
                                TargetDeclaration.of("linux/arm/7"),
                                TargetDeclaration.of("linux/amd64/v3"),
                                TargetDeclaration.of("windows/arm64")),
                        "off");
        assertEquals("linux/amd64", targets.get(0).displayName());
        assertNull(targets.get(0).variant());
        assertEquals(Map.of("GOARM", "7"), targets.get(1).variantEnvironment());
        assertEquals("linux-arm-7", targets.get(1).classifier());
        assertEquals(Map.of("GOAMD64", "v3"), targets.get(2).variantEnvironment());
        assertTrue(targets.get(3).windows());
        assertEquals(CgoMode.OFF, targets.get(3).cgo());
    }

    @Test
    void everyVariantVariableGoDocumentsIsMapped() throws Exception {
        Map<String, String> expected = Map.of(
                "linux/386/softfloat",
                "GO386",
                "linux/arm64/v8.2",
                "GOARM64",
                "linux/mips/softfloat",
                "GOMIPS",
                "linux/mips64le/hardfloat",
                "GOMIPS64",
                "linux/ppc64le/power9",
                "GOPPC64",
                "linux/riscv64/rva22u64",
                "GORISCV64");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            TargetSpec target = onAmd64Linux()
                    .resolve(List.of(TargetDeclaration.of(entry.getKey())), "off")
                    .get(0);
            assertEquals(
                    Map.of(
                            entry.getValue(),
                            entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1)),
                    target.variantEnvironment(),
                    entry.getKey());
        }
    }

    @Test
    void aMisspelledTargetSuggestsTheNearestValidOnes() {
        String message = failure(List.of(TargetDeclaration.of("linux/amd46")), "off");
        assertTrue(message.startsWith("<targets>: unknown target 'linux/amd46'"), message);
        assertTrue(message.contains("Did you mean linux/amd64"), message);
        assertTrue(failure(List.of(TargetDeclaration.of("lniux/arm64")), "off").contains("Did you mean linux/arm64"));
    }

    @Test
    void everyProblemOfEveryTargetIsReportedAtOnce() {
        String message = failure(
                List.of(
                        TargetDeclaration.of("linux/amd46"),
                        TargetDeclaration.of("linux/arm/8"),
                        TargetDeclaration.of("linux")),
                "off");
        assertTrue(message.contains("'linux/amd46'"));
        assertTrue(message.contains("'8' is not a valid GOARM for arm; use one of 5, 6, 7"), message);
        assertTrue(message.contains("'linux' is not a target: write os/arch"), message);
    }

    @Test
    void aVariantOnAnArchitectureWithoutOneIsRefused() {
        assertTrue(failure(List.of(TargetDeclaration.of("linux/s390x/z15")), "off")
                .contains("s390x has no architecture variant"));
        assertTrue(
                failure(List.of(TargetDeclaration.of("linux/amd64/v5")), "off").contains("not a valid GOAMD64"));
    }

    @Test
    void cgoOnAPlatformWithoutCgoIsRefused() {
        // js/wasm: CgoSupported is false in go tool dist list.
        String message = failure(List.of(cgo("js/wasm", "on", "cc")), "off");
        assertTrue(message.contains("Go does not support cgo on js/wasm"), message);
    }

    @Test
    void muslIsOnlyForLinux() {
        assertTrue(failure(List.of(cgo("windows/amd64", "musl", null)), "off").contains("exists only for linux"));
    }

    @Test
    void crossCompilingWithCgoNeedsACompilerForTheTarget() {
        String message = failure(List.of(cgo("linux/arm64", "musl", null)), "off");
        assertTrue(message.contains("on a linux/amd64 host needs a C compiler for linux/arm64: set <cc>"), message);
        assertTrue(message.contains("zig cc -target aarch64-linux-musl"), message);
    }

    @Test
    void aMissingMuslGccSaysWhichPackageHasIt() {
        TargetResolver noCompilers = new TargetResolver(platforms, "linux/amd64", "/nonexistent");
        String message = assertThrows(
                        ConfigurationException.class,
                        () -> noCompilers.resolve(List.of(cgo("linux/amd64", "musl", null)), "off"))
                .getMessage();
        assertTrue(message.contains("the C compiler 'musl-gcc' for <cgo>musl</cgo> is not on PATH"), message);
        assertTrue(message.contains("apt-get install musl-tools"), message);
    }

    @Test
    void theGlobalCgoModeAppliesWhereATargetSetsNone() throws Exception {
        List<TargetSpec> targets = onAmd64Linux()
                .resolve(List.of(TargetDeclaration.of("linux/amd64"), cgo("windows/amd64", "off", null)), "musl");
        assertEquals(CgoMode.MUSL, targets.get(0).cgo());
        assertEquals(CgoMode.OFF, targets.get(1).cgo());
        assertTrue(failure(List.of(TargetDeclaration.of("linux/amd64")), "static")
                .contains("<cgo>: unknown cgo mode 'static'"));
    }

    @Test
    void theSameTargetTwiceIsRefused() {
        assertTrue(failure(List.of(TargetDeclaration.of("linux/amd64"), cgo("linux/amd64", "musl", null)), "off")
                .contains("'linux/amd64' is declared twice"));
    }

    @Test
    void envMustNotSetWhatHasItsOwnElement() {
        String message = failure(
                List.of(new TargetDeclaration("linux/amd64", null, null, Map.of("CGO_ENABLED", "1"), null, null, null)),
                "off");
        assertTrue(message.contains("<env> must not set CGO_ENABLED; use <cgo> instead"), message);
    }

    @Test
    void noTargetsIsRefused() {
        assertTrue(failure(List.of(), "off").startsWith("<targets>: no target is declared"));
    }
}
