package io.github.staticgo.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.RealGo;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoToolchainTest {
    @TempDir
    Path dir;

    /** What the real go says of itself, asked without the code under test. */
    private static String goEnv(String name) throws Exception {
        Process process = new ProcessBuilder("go", "env", name).start();
        String value = new String(process.getInputStream().readAllBytes()).trim();
        assertEquals(0, process.waitFor());
        return value;
    }

    @Test
    void readsTheVersionAndHostOfTheRealGo() throws Exception {
        GoToolchain go = RealGo.toolchain(dir);
        assertEquals(goEnv("GOVERSION"), go.version().text());
        assertEquals(goEnv("GOHOSTOS") + "/" + goEnv("GOHOSTARCH"), go.hostPlatform());
        assertTrue(go.version().compareTo(GoVersion.MINIMUM) >= 0);
    }

    @Test
    void listsThePlatformsGoCanBuildWithTheirCgoSupport() throws Exception {
        Map<String, Platform> platforms = RealGo.toolchain(dir).platforms();
        // Facts from Go's own dist list: linux/amd64 supports cgo, js/wasm does not.
        assertTrue(platforms.get("linux/amd64").cgoSupported());
        assertTrue(platforms.containsKey("windows/arm64"));
        assertEquals(false, platforms.get("js/wasm").cgoSupported());
        assertTrue(platforms.size() > 30, "go tool dist list has more than 30 entries: " + platforms.size());
    }

    @Test
    void goRunsWithoutTheCallersBuildChangingVariables() throws Exception {
        Map<String, String> caller = RealGo.environmentWith("CGO_ENABLED", "1");
        caller.put("CC", "clang-that-does-not-exist");
        caller.put("GOFLAGS", "-race");
        caller.put("GOEXPERIMENT", "nosuchexperiment");
        caller.put("GOENV", "off"); // the machine's own go env file may set GOFLAGS; that is the user's choice
        GoToolchain go = GoToolchain.locate(new GoToolchainRequest(null, null, false, dir, caller), new ProcessRunner());
        ProcessSpec command = go.command(List.of("env", "CGO_ENABLED", "CC", "GOFLAGS"), Map.of("CGO_ENABLED", "0"),
                Duration.ofMinutes(1));
        ProcessResult result = go.runner().run(command, line -> {});
        assertEquals(0, result.exitCode(), result.outputTailText());
        assertEquals("0", result.stdout().get(0));
        assertNotEquals("clang-that-does-not-exist", result.stdout().get(1));
        assertEquals("", result.stdout().get(2));
    }

    @Test
    void offlineMeansNoModuleProxy() throws Exception {
        GoToolchain go = GoToolchain.locate(new GoToolchainRequest(null, null, true, dir, System.getenv()),
                new ProcessRunner());
        ProcessResult result = go.runner().run(go.command(List.of("env", "GOPROXY"), Map.of(), Duration.ofMinutes(1)),
                line -> {});
        assertEquals(List.of("off"), result.stdout());
    }

    @Test
    void noGoAnywhereSaysHowToGetOne() {
        Map<String, String> noGo = Map.of("PATH", dir.toString(), "HOME", dir.toString());
        ToolchainException failure = assertThrows(ToolchainException.class, () ->
                GoToolchain.locate(new GoToolchainRequest(null, null, false, dir, noGo), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("Cannot find the go command"), failure.getMessage());
        assertTrue(failure.getMessage().contains("<goExecutable>"));
    }

    @Test
    void aConfiguredGoThatIsNotThereNamesTheElement() {
        Path missing = dir.resolve("go1.22/bin/go");
        ToolchainException failure = assertThrows(ToolchainException.class, () -> GoToolchain.locate(
                new GoToolchainRequest(missing, null, false, dir, System.getenv()), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("<goExecutable> " + missing + " is not an executable file"));
    }

    @Test
    void anOldGoIsRefused() throws Exception {
        // Test double: a script standing in for a Go 1.20 installation, which cannot be installed here.
        Path fakeGo = dir.resolve("go");
        Files.writeString(fakeGo, "#!/bin/sh\necho go version go1.20.14 linux/amd64\n");
        Files.setPosixFilePermissions(fakeGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        ToolchainException failure = assertThrows(ToolchainException.class, () -> GoToolchain.locate(
                new GoToolchainRequest(fakeGo, null, false, dir, System.getenv()), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("Go go1.20.14 at " + fakeGo + " is too old"), failure.getMessage());
        assertTrue(failure.getMessage().contains("go1.21 or newer"));
    }

    @Test
    void aPinnedVersionThatCannotBeFetchedSaysSo() {
        // Offline keeps this test off the network: GOPROXY=off, so go cannot fetch go1.21.99.
        ToolchainException failure = assertThrows(ToolchainException.class, () -> GoToolchain.locate(
                new GoToolchainRequest(null, "1.21.99", true, dir, System.getenv()), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("go could not fetch the Go toolchain go1.21.99 named by <goVersion>"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Maven runs offline"));
    }

    @Test
    void aPinnedVersionMustBeOneRelease() {
        ToolchainException failure = assertThrows(ToolchainException.class, () -> GoToolchain.locate(
                new GoToolchainRequest(null, "1.x", false, dir, System.getenv()), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("<goVersion> '1.x' is not one Go release"));
    }

    @Test
    void pinningTheInstalledReleaseUsesIt() throws Exception {
        String installed = goEnv("GOVERSION").substring(2);
        GoToolchain go = GoToolchain.locate(new GoToolchainRequest(null, installed, false, dir, System.getenv()),
                new ProcessRunner());
        assertEquals("go" + installed, go.version().text());
    }
}
