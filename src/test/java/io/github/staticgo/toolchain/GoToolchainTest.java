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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoToolchainTest {
    @TempDir
    Path dir;

    /** What the real go says of itself, asked without the code under test. */
    private static String goEnv(String name) throws Exception {
        return goOutput("env", name);
    }

    /** What the real go prints, run without the code under test. */
    private static String goOutput(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("go"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertEquals(0, process.waitFor());
        return output;
    }

    /**
     * A go env that prints garbage (NUL, ESC sequences that would recolour or retitle the terminal, a
     * backspace, a line of 100,000 characters), once to stdout with success and once to stderr with a
     * failure: neither message carries a control character, and both stay readable in length.
     */
    @Test
    void garbageFromGoEnvReachesNoMessageRaw(@TempDir Path dir) throws Exception {
        String garbage =
                "printf 'go\\000\\033[31mversion\\033]0;pwned\\007 \\010x'; head -c 100000 /dev/zero | tr '\\0' a; echo";
        for (String script : List.of(garbage + "\n", "{ " + garbage + "; } >&2; exit 2\n")) {
            Path garbageGo = dir.resolve("garbage-go");
            Files.writeString(garbageGo, "#!/bin/sh\n" + script);
            Files.setPosixFilePermissions(garbageGo, PosixFilePermissions.fromString("rwxr-xr-x"));
            ToolchainException failure = assertThrows(
                    ToolchainException.class,
                    () -> GoToolchain.locate(
                            new GoToolchainRequest(garbageGo, null, false, dir, System.getenv()), new ProcessRunner()));
            String message = failure.getMessage();
            assertTrue(
                    message.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'),
                    "a control character in: " + message.replaceAll("\\p{Cntrl}", "^"));
            assertTrue(message.contains("goversion x"), message);
            assertTrue(message.length() < 2000, message.length() + " characters");
        }
    }

    /** A go whose go env never answers (a proxy that hangs): located at the query timeout, with what it printed. */
    @Test
    void aHangingGoEnvEndsAtTheQueryTimeout(@TempDir Path dir) throws Exception {
        Path hangingGo = dir.resolve("hanging-go");
        Files.writeString(hangingGo, "#!/bin/sh\necho 'go: downloading go1.99.0 (linux/amd64)' >&2\nexec sleep 300\n");
        Files.setPosixFilePermissions(hangingGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        long start = System.nanoTime();
        ToolchainException failure = assertThrows(
                ToolchainException.class,
                () -> GoToolchain.locate(
                        new GoToolchainRequest(hangingGo, null, false, dir, System.getenv(), Duration.ofSeconds(3)),
                        new ProcessRunner()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(3 + 10)) < 0, "took " + took);
        assertTrue(failure.getMessage().contains("did not finish within 3 s and was killed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("go: downloading go1.99.0"), failure.getMessage());
    }

    @Test
    void readsTheVersionAndHostOfTheRealGo() throws Exception {
        GoToolchain go = RealGo.toolchain(dir);
        assertEquals(goEnv("GOVERSION"), go.version().text());
        assertEquals(goEnv("GOHOSTOS") + "/" + goEnv("GOHOSTARCH"), go.hostPlatform());
        assertTrue(go.version().compareTo(GoVersion.MINIMUM) >= 0);
        assertEquals(Path.of(goEnv("GOENV")), go.envFile().orElseThrow());
        assertTrue(go.workFile().isEmpty(), "no go.work above " + dir);
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
    void thePlatformListIsAskedOnceAndKeptForTheSameGo() throws Exception {
        // Test double around the real go: it counts the `go tool dist` calls, then hands over to go.
        Path calls = dir.resolve("dist-calls");
        Path recordingGo = dir.resolve("recording-go");
        Files.writeString(
                recordingGo, "#!/bin/sh\n[ \"$1\" = tool ] && echo \"$*\" >> '" + calls + "'\nexec go \"$@\"\n");
        Files.setPosixFilePermissions(recordingGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        GoToolchain go = GoToolchain.locate(
                new GoToolchainRequest(recordingGo, null, false, dir, System.getenv()), new ProcessRunner());
        Path cache = dir.resolve("state/go-platforms.json");

        Map<String, Platform> first = go.platforms(cache);
        Map<String, Platform> second = go.platforms(cache);
        assertEquals(List.of("tool dist list -json"), Files.readAllLines(calls));
        // Both are go's own list, as `go tool dist list` prints it.
        List<String> goList = List.of(goOutput("tool", "dist", "list").split("\n"));
        assertEquals(goList, List.copyOf(first.keySet()));
        assertEquals(goList, List.copyOf(second.keySet()));

        // A list kept for another go, or one that cannot be read, is asked for again.
        Files.writeString(cache, Files.readString(cache).replace(go.executable().toString(), "/elsewhere/go"));
        go.platforms(cache);
        Files.writeString(cache, "{\"go\": ");
        assertEquals(goList, List.copyOf(go.platforms(cache).keySet()));
        assertEquals(3, Files.readAllLines(calls).size());
    }

    @Test
    void goRunsWithoutTheCallersBuildChangingVariables() throws Exception {
        Map<String, String> caller = RealGo.environmentWith("CGO_ENABLED", "1");
        caller.put("CC", "clang-that-does-not-exist");
        caller.put("GOFLAGS", "-race");
        caller.put("GOEXPERIMENT", "nosuchexperiment");
        caller.put("GOENV", "off"); // the machine's own go env file may set GOFLAGS; that is the user's choice
        GoToolchain go =
                GoToolchain.locate(new GoToolchainRequest(null, null, false, dir, caller), new ProcessRunner());
        ProcessSpec command = go.command(
                List.of("env", "CGO_ENABLED", "CC", "GOFLAGS"), Map.of("CGO_ENABLED", "0"), Duration.ofMinutes(1));
        ProcessResult result = go.runner().run(command, line -> {});
        assertEquals(0, result.exitCode(), result.outputTailText());
        assertEquals("0", result.stdout().get(0));
        assertNotEquals("clang-that-does-not-exist", result.stdout().get(1));
        assertEquals("", result.stdout().get(2));
    }

    @Test
    void offlineMeansNoModuleProxy() throws Exception {
        GoToolchain go =
                GoToolchain.locate(new GoToolchainRequest(null, null, true, dir, System.getenv()), new ProcessRunner());
        ProcessResult result =
                go.runner().run(go.command(List.of("env", "GOPROXY"), Map.of(), Duration.ofMinutes(1)), line -> {});
        assertEquals(List.of("off"), result.stdout());
    }

    @Test
    void noGoAnywhereSaysHowToGetOne() {
        Map<String, String> noGo = Map.of("PATH", dir.toString(), "HOME", dir.toString());
        ToolchainException failure = assertThrows(
                ToolchainException.class,
                () -> GoToolchain.locate(new GoToolchainRequest(null, null, false, dir, noGo), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("Cannot find the go command"), failure.getMessage());
        assertTrue(failure.getMessage().contains("<goExecutable>"));
    }

    @Test
    void aConfiguredGoThatIsNotThereNamesTheElement() {
        Path missing = dir.resolve("go1.22/bin/go");
        ToolchainException failure = assertThrows(
                ToolchainException.class,
                () -> GoToolchain.locate(
                        new GoToolchainRequest(missing, null, false, dir, System.getenv()), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("<goExecutable> " + missing + " is not an executable file"));
    }

    /**
     * Test double: a script standing in for an old Go installation, which cannot be installed here.
     * Asked for GOVERSION GOHOSTOS GOHOSTARCH GOWORK GOENV, it prints {@code goversion} and then what
     * any Go prints for the others on linux/amd64, one line each.
     */
    private ToolchainException locateGoPrinting(String goversion) throws Exception {
        Path fakeGo = dir.resolve("go");
        Files.writeString(
                fakeGo, "#!/bin/sh\n[ \"$1\" = env ] && printf '" + goversion + "\\nlinux\\namd64\\n\\n\\n'\n");
        Files.setPosixFilePermissions(fakeGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        return assertThrows(
                ToolchainException.class,
                () -> GoToolchain.locate(
                        new GoToolchainRequest(fakeGo, null, false, dir, System.getenv()), new ProcessRunner()));
    }

    @Test
    void anOldGoIsRefused() throws Exception {
        String message = locateGoPrinting("go1.20.14").getMessage();
        assertTrue(message.startsWith("Go go1.20.14 at " + dir.resolve("go") + " is too old"), message);
        assertTrue(message.contains("go1.21 or newer"));
    }

    @Test
    void aGoThatKnowsNoGoversionIsRefused() throws Exception {
        // Go before 1.16 prints an empty line for the GOVERSION it does not know.
        String message = locateGoPrinting("").getMessage();
        assertTrue(message.startsWith(dir.resolve("go") + " env GOVERSION printed"), message);
        assertTrue(message.contains("Point <goExecutable> at the go command of Go 1.21 or newer"), message);
    }

    @Test
    void aPinnedVersionThatCannotBeFetchedSaysSo() {
        // Offline keeps this test off the network: GOPROXY=off, so go cannot fetch go1.21.99.
        ToolchainException failure = assertThrows(
                ToolchainException.class,
                () -> GoToolchain.locate(
                        new GoToolchainRequest(null, "1.21.99", true, dir, System.getenv()), new ProcessRunner()));
        assertTrue(
                failure.getMessage().startsWith("go could not fetch the Go toolchain go1.21.99 named by <goVersion>"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Maven runs offline"));
    }

    @Test
    void aPinnedVersionMustBeOneRelease() {
        ToolchainException failure = assertThrows(
                ToolchainException.class,
                () -> GoToolchain.locate(
                        new GoToolchainRequest(null, "1.x", false, dir, System.getenv()), new ProcessRunner()));
        assertTrue(failure.getMessage().startsWith("<goVersion> '1.x' is not one Go release"));
    }

    @Test
    void pinningTheInstalledReleaseUsesIt() throws Exception {
        String installed = goEnv("GOVERSION").substring(2);
        GoToolchain go = GoToolchain.locate(
                new GoToolchainRequest(null, installed, false, dir, System.getenv()), new ProcessRunner());
        assertEquals("go" + installed, go.version().text());
    }
}
