package io.github.staticgo.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.platform.QemuUser;
import io.github.staticgo.process.CommandLine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which settings apply to a binary, qemu's names and CPUs, the host's names: no process started. */
class SmokeConfigurationTest {
    private static SmokeOptions options(List<String> args, Integer timeout, String output, String emulator) {
        return new SmokeOptions(args, null, output, timeout, null, emulator, null);
    }

    /** Overrides as the pom writes them, in the map's order. */
    private static PlatformOverrides<SmokeOptions> overrides(Map<String, SmokeOptions> written)
            throws ConfigurationException {
        return PlatformOverrides.of(
                written.entrySet().stream()
                        .map(e -> new PlatformOverrides.Written<>(e.getKey(), e.getValue()))
                        .toList(),
                "smoke><targets");
    }

    @Test
    void defaultsApplyWhenNothingIsSet() throws Exception {
        SmokeSettings settings = SmokeConfiguration.of(SmokeOptions.none(), Map.of(), PlatformOverrides.none())
                .settingsFor(null, "linux", "amd64", null);
        assertEquals(List.of(), settings.args());
        assertEquals(0, settings.exitCode());
        assertNull(settings.output());
        assertEquals(Duration.ofSeconds(5), settings.timeout());
        assertEquals(List.of(), settings.emulator());
    }

    @Test
    void theMostSpecificPlatformWinsAndInheritsTheRest() throws Exception {
        Map<String, SmokeOptions> platforms = new LinkedHashMap<>();
        platforms.put("linux/arm", options(null, 30, null, null));
        platforms.put("linux/arm/5", options(null, null, null, "qemu-arm-static -cpu arm926"));
        SmokeConfiguration configuration =
                SmokeConfiguration.of(options(List.of("--version"), 5, "^app ", null), Map.of(), overrides(platforms));

        SmokeSettings arm5 = configuration.settingsFor(null, "linux", "arm", "5");
        assertEquals(List.of("qemu-arm-static", "-cpu", "arm926"), arm5.emulator());
        assertEquals(Duration.ofSeconds(30), arm5.timeout(), "from linux/arm");
        assertEquals(List.of("--version"), arm5.args(), "from the global settings");
        assertEquals("^app ", arm5.output().pattern());

        SmokeSettings arm7 = configuration.settingsFor(null, "linux", "arm", "7");
        assertEquals(List.of(), arm7.emulator());
        assertEquals(Duration.ofSeconds(30), arm7.timeout());
        assertEquals(
                Duration.ofSeconds(5),
                configuration.settingsFor(null, "linux", "arm64", null).timeout());
    }

    @Test
    void mistakesNameTheirElement() {
        ConfigurationException pattern = assertThrows(
                ConfigurationException.class,
                () -> SmokeConfiguration.of(options(null, null, "app (", null), Map.of(), PlatformOverrides.none()));
        assertTrue(
                pattern.getMessage().startsWith("<smoke><output>: 'app (' is not a regular expression"),
                pattern.getMessage());
        ConfigurationException timeout = assertThrows(
                ConfigurationException.class,
                () -> SmokeConfiguration.of(
                        SmokeOptions.none(), Map.of(), overrides(Map.of("linux/arm64", options(null, 0, null, null)))));
        assertEquals(
                "<smoke><targets><target><timeout>: for linux/arm64, must be at least 1 (seconds), not 0.",
                timeout.getMessage());
        ConfigurationException platform = assertThrows(
                ConfigurationException.class,
                () -> SmokeConfiguration.of(
                        SmokeOptions.none(), Map.of(), overrides(Map.of("arm64", SmokeOptions.none()))));
        assertTrue(platform.getMessage().contains("'arm64' is not a platform"), platform.getMessage());
        ConfigurationException quote = assertThrows(
                ConfigurationException.class,
                () -> SmokeConfiguration.of(
                        options(null, null, null, "'/opt/my qemu/qemu-arm"), Map.of(), PlatformOverrides.none()));
        assertTrue(quote.getMessage().startsWith("<smoke><emulator>: the quote ' "), quote.getMessage());
    }

    @Test
    void aPackagesOwnSettingsWinOverItsPlatformsAndTheRestInherit() throws Exception {
        SmokeConfiguration configuration = SmokeConfiguration.of(
                options(List.of("--version"), null, "^app ", null),
                Map.of("./cmd/server", options(List.of("version"), 9, "^server ", null)),
                overrides(Map.of("linux/arm64", options(List.of("--help"), 2, null, null))));
        SmokeSettings server = configuration.settingsFor("./cmd/server", "linux", "arm64", null);
        assertEquals(List.of("version"), server.args());
        assertEquals(Duration.ofSeconds(9), server.timeout());
        assertEquals("^server ", server.output().pattern());
        SmokeSettings other = configuration.settingsFor("./cmd/tool", "linux", "arm64", null);
        assertEquals(List.of("--help"), other.args());
        assertEquals(Duration.ofSeconds(2), other.timeout());
        assertEquals("^app ", other.output().pattern(), "inherited from <smoke>");
        ConfigurationException bad = assertThrows(
                ConfigurationException.class,
                () -> SmokeConfiguration.of(
                        SmokeOptions.none(),
                        Map.of("./cmd/server", options(null, null, "server (", null)),
                        PlatformOverrides.none()));
        assertTrue(
                bad.getMessage().startsWith("<packages><package><smoke><output>: for ./cmd/server, 'server (' is not"),
                bad.getMessage());
    }

    @Test
    void emulatorCommandsKeepQuotedSpaces() throws Exception {
        assertEquals(
                List.of("/opt/my qemu/qemu-arm", "-cpu", "arm1176"),
                CommandLine.split("'/opt/my qemu/qemu-arm'  -cpu arm1176 ", "smoke"));
        assertEquals(
                "'/opt/my qemu/qemu-arm' -cpu arm1176",
                CommandLine.join(List.of("/opt/my qemu/qemu-arm", "-cpu", "arm1176")));
    }

    @Test
    void qemuNamesAndCpusFollowGoarchAndVariant() {
        assertEquals("aarch64", QemuUser.qemuArch("arm64").orElseThrow());
        assertEquals("mips64el", QemuUser.qemuArch("mips64le").orElseThrow());
        assertEquals("loongarch64", QemuUser.qemuArch("loong64").orElseThrow());
        assertEquals("i386", QemuUser.qemuArch("386").orElseThrow());
        assertTrue(QemuUser.qemuArch("wasm").isEmpty());
        assertEquals(List.of("qemu-ppc64le-static", "qemu-ppc64le"), QemuUser.programs("ppc64le"));
        assertEquals(List.of("-cpu", "arm1176"), QemuUser.cpuArguments("arm", "6"));
        assertEquals(List.of("-cpu", "cortex-a8"), QemuUser.cpuArguments("arm", "7,softfloat"));
        assertEquals(List.of("-cpu", "Nehalem"), QemuUser.cpuArguments("amd64", "v2"));
        assertEquals(List.of("-cpu", "max"), QemuUser.cpuArguments("amd64", "v3"));
        assertEquals(List.of(), QemuUser.cpuArguments("amd64", "v1"));
        assertEquals(List.of("-cpu", "power10"), QemuUser.cpuArguments("ppc64le", "power10"));
        assertEquals(List.of(), QemuUser.cpuArguments("arm64", "v8.0"));
        assertThrows(UnsupportedOperationException.class, () -> QemuUser.cpuArguments("amd64", "v4"));
    }

    @Test
    void theHostIsNamedAsGoNamesIt() {
        assertEquals(new HostPlatform("linux", "amd64"), HostPlatform.of("Linux", "amd64"));
        assertEquals(new HostPlatform("linux", "arm64"), HostPlatform.of("Linux", "aarch64"));
        assertEquals(new HostPlatform("darwin", "arm64"), HostPlatform.of("Mac OS X", "aarch64"));
        assertTrue(HostPlatform.of("Linux", "amd64").runsNatively("386"));
        assertTrue(!HostPlatform.of("Linux", "arm64").runsNatively("arm"), "many arm64 CPUs have no AArch32");
    }
}
