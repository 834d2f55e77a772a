package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.TargetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputPlanTest {
    private static final Path OUT = Path.of("/project/target/static-go");
    private static final TargetSpec LINUX_ARM7 = target("linux", "arm", "7");
    private static final TargetSpec WINDOWS = target("windows", "amd64", null);

    private static TargetSpec target(String goos, String goarch, String variant) {
        return new TargetSpec(goos, goarch, variant, CgoMode.OFF, null, Map.of(), null, List.of(), null, null);
    }

    private static List<PackageDeclaration> packages(String... paths) {
        return java.util.Arrays.stream(paths).map(PackageDeclaration::of).toList();
    }

    @Test
    void oneBinaryPerTargetNamedAfterTheArtifact() throws Exception {
        List<BinaryOutput> outputs = OutputPlan.plan(packages("."), null, "sidecar", List.of(LINUX_ARM7, WINDOWS), OUT);
        assertEquals(OUT.resolve("sidecar-linux-arm-7"), outputs.get(0).file());
        assertEquals("linux-arm-7", outputs.get(0).classifier());
        assertEquals(OUT.resolve("sidecar-windows-amd64.exe"), outputs.get(1).file());
        assertEquals("windows-amd64", outputs.get(1).classifier());
    }

    @Test
    void severalPackagesAreNamedAfterTheirLastElement() throws Exception {
        List<BinaryOutput> outputs = OutputPlan.plan(
                packages("./cmd/server", "example.com/tools/cli/v2"), null, "app", List.of(WINDOWS), OUT);
        assertEquals(OUT.resolve("server-windows-amd64.exe"), outputs.get(0).file());
        assertEquals("server-windows-amd64", outputs.get(0).classifier());
        assertEquals(OUT.resolve("cli-windows-amd64.exe"), outputs.get(1).file());
    }

    @Test
    void namesThatLeaveTheOutputDirectoryAreRefused() {
        for (String name : List.of("../evil", "a/b", "..", "", "x\\y")) {
            ConfigurationException failure = assertThrows(
                    ConfigurationException.class,
                    () -> OutputPlan.plan(packages("."), name, "app", List.of(WINDOWS), OUT),
                    name);
            assertEquals("binaryName", failure.element());
        }
    }

    @Test
    void packagesThatWouldCollideAreRefused() {
        ConfigurationException failure = assertThrows(
                ConfigurationException.class,
                () -> OutputPlan.plan(packages("./a/server", "./b/server"), null, "app", List.of(WINDOWS), OUT));
        assertTrue(failure.getMessage().contains("would both be written as server-windows-amd64.exe"));
    }

    @Test
    void binaryNameWithSeveralPackagesIsAMistake() {
        assertEquals(
                "binaryName",
                assertThrows(
                                ConfigurationException.class,
                                () -> OutputPlan.plan(packages("./a", "./b"), "x", "app", List.of(WINDOWS), OUT))
                        .element());
    }

    @Test
    void emptyPackagesAreRefused() {
        assertEquals(
                "packages",
                assertThrows(
                                ConfigurationException.class,
                                () -> OutputPlan.plan(packages(), null, "app", List.of(WINDOWS), OUT))
                        .element());
    }
}
