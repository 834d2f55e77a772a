package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.TargetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The go command line the issue prescribes for each cgo mode. */
class GoBuildCommandTest {
    private static final Path OUT = Path.of("/out/app");

    private static BuildSettings settings(String ldflags, Map<String, String> env) {
        return new BuildSettings(
                true,
                true,
                ldflags,
                List.of("prod"),
                null,
                null,
                "exe",
                List.of("-mod=vendor"),
                env,
                false,
                Duration.ofMinutes(1));
    }

    private static TargetSpec target(CgoMode cgo, String cc, String ldflags) {
        return new TargetSpec(
                "linux", "amd64", null, cgo, cc, Map.of("EXTRA", "target"), ldflags, List.of("extra"), null, null);
    }

    private static List<String> arguments(TargetSpec target, BuildSettings settings) throws ConfigurationException {
        return GoBuildCommand.arguments(
                new BinaryOutput(target, "./cmd/app", "app", OUT, "linux-amd64", null), settings, OUT);
    }

    @Test
    void cgoOffSetsCgoEnabledToZeroExplicitly() {
        Map<String, String> env = GoBuildCommand.environment(target(CgoMode.OFF, null, null), settings(null, Map.of()));
        assertEquals("0", env.get("CGO_ENABLED"));
        assertEquals("linux", env.get("GOOS"));
        assertEquals("amd64", env.get("GOARCH"));
        assertFalse(env.containsKey("CC"));
    }

    @Test
    void muslUsesMuslGccAStaticExternalLinkAndPureGoNetAndUser() throws Exception {
        TargetSpec musl = target(CgoMode.MUSL, null, null);
        Map<String, String> env = GoBuildCommand.environment(musl, settings(null, Map.of()));
        assertEquals("1", env.get("CGO_ENABLED"));
        assertEquals("musl-gcc", env.get("CC"));
        List<String> arguments = arguments(musl, settings(null, Map.of()));
        assertTrue(
                arguments.contains("-ldflags=-buildid= -s -w -linkmode external -extldflags \"-static -Wl,-s\""),
                arguments.toString());
        assertTrue(arguments.contains("-tags=prod,extra,netgo,osusergo"), arguments.toString());
        assertEquals(
                "zig cc -target x86_64-linux-musl",
                GoBuildCommand.environment(
                                target(CgoMode.MUSL, "zig cc -target x86_64-linux-musl", null),
                                settings(null, Map.of()))
                        .get("CC"));
    }

    @Test
    void cgoOnAddsNothingButTheCompiler() throws Exception {
        TargetSpec on = target(CgoMode.ON, "clang", null);
        assertEquals(
                "clang",
                GoBuildCommand.environment(on, settings(null, Map.of())).get("CC"));
        List<String> arguments = arguments(on, settings(null, Map.of()));
        assertTrue(arguments.contains("-ldflags=-buildid= -s -w"), arguments.toString());
        assertTrue(arguments.contains("-tags=prod,extra"), arguments.toString());
    }

    @Test
    void userLinkFlagsComeAfterThePluginsOwnGlobalThenTarget() throws Exception {
        List<String> arguments = arguments(
                target(CgoMode.OFF, null, "-X main.target=t"),
                settings("-X main.version=1.2.3 -X 'main.motd=hello world'", Map.of()));
        assertTrue(
                arguments.contains(
                        "-ldflags=-buildid= -s -w -X main.version=1.2.3 -X 'main.motd=hello world' -X main.target=t"),
                arguments.toString());
    }

    @Test
    void theWholeCommandIsInTheDocumentedOrder() throws Exception {
        assertEquals(
                List.of(
                        "build",
                        "-o",
                        "/out/app",
                        "-trimpath",
                        "-buildvcs=false",
                        "-buildmode=exe",
                        "-ldflags=-buildid= -s -w",
                        "-tags=prod,extra",
                        "-mod=vendor",
                        "./cmd/app"),
                arguments(target(CgoMode.OFF, null, null), settings(null, Map.of())));
    }

    @Test
    void theTargetsEnvironmentWinsOverTheGlobalOne() {
        Map<String, String> env = GoBuildCommand.environment(
                target(CgoMode.OFF, null, null),
                settings(null, Map.of("EXTRA", "global", "GOPRIVATE", "corp.example")));
        assertEquals("target", env.get("EXTRA"));
        assertEquals("corp.example", env.get("GOPRIVATE"));
    }

    @Test
    void unbalancedQuotesNameTheElement() {
        ConfigurationException global = assertThrows(
                ConfigurationException.class,
                () -> arguments(target(CgoMode.OFF, null, null), settings("-X 'main.motd=hello", Map.of())));
        assertEquals("ldflags", global.element());
        assertTrue(global.getMessage().contains("is never closed"));
        ConfigurationException perTarget = assertThrows(
                ConfigurationException.class,
                () -> arguments(target(CgoMode.OFF, null, "-X \"a=b"), settings(null, Map.of())));
        assertEquals("targets><target><ldflags", perTarget.element());
    }
}
