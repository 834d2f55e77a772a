package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build goal's core, end to end with the real go. */
class StaticGoBuildTest {
    private static final String HELLO = TestBuilds.HELLO;

    @TempDir
    Path dir;

    private BuildConfiguration configuration(
            Path module, List<String> targets, String ldflags, Path goExecutable, String outputTimestamp) {
        return TestBuilds.configuration(
                dir,
                module,
                targets,
                TestBuilds.settings(ldflags, Duration.ofMinutes(5)),
                goExecutable,
                outputTimestamp,
                2,
                false);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void buildsEveryTargetAndRecordsIt() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), HELLO);
        BuildManifest manifest = new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                .run(configuration(
                        module,
                        List.of("linux/amd64", "windows/386"),
                        "-X main.version=4.5.6",
                        null,
                        "2026-01-02T03:04:05Z"));

        Path out = dir.resolve("out");
        assertEquals(List.of("build.json", "hello-linux-amd64", "hello-windows-386.exe"), filesIn(out));
        Path linux = out.resolve("hello-linux-amd64");
        Process run = new ProcessBuilder(linux.toString()).start();
        assertEquals("hello 4.5.6", new String(run.getInputStream().readAllBytes()).trim());
        assertEquals(
                Instant.parse("2026-01-02T03:04:05Z"),
                Files.getLastModifiedTime(linux).toInstant());
        // ELF magic and the x86-64 machine number (62) from the ELF specification.
        byte[] header = Files.readAllBytes(linux);
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, java.util.Arrays.copyOf(header, 4));
        assertEquals(62, header[18]);

        BuildManifest reread = BuildManifest.read(out);
        assertEquals(manifest, reread);
        BuiltBinary windows = reread.binaries().get(1);
        assertEquals("windows", windows.goos());
        assertEquals("386", windows.goarch());
        assertEquals("windows-386", windows.classifier());
        assertEquals(sha256(out.resolve("hello-windows-386.exe")), windows.sha256());
        assertEquals(Files.size(out.resolve("hello-windows-386.exe")), windows.size());
    }

    @Test
    void aFailingBuildLeavesNothingUnderTheFinalNameAndCarriesGosOutput() throws Exception {
        Path module = Tools.goModule(dir.resolve("broken"), "package main\n\nfunc main() { undefinedThing() }\n");
        GoBuildException failure = assertThrows(
                GoBuildException.class,
                () -> new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                        .run(configuration(module, List.of("linux/amd64"), null, null, null)));
        assertEquals(1, failure.exitCode());
        assertTrue(failure.getMessage().contains("undefined: undefinedThing"), failure.getMessage());
        // The command itself is in the message the user sees, not only at DEBUG.
        assertTrue(
                failure.getMessage().startsWith("go build of . for linux/amd64 failed: the command "),
                failure.getMessage());
        assertTrue(
                failure.getMessage().contains(" build -o ")
                        && failure.getMessage().contains("-trimpath"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("exited with code 1; its last output:"), failure.getMessage());
        assertEquals(List.of(), filesIn(dir.resolve("out")));
    }

    /**
     * Test double: a go that, asked to build, first forks a {@code setsid} child holding its stdout and
     * stderr (as a compiler-cache daemon does), then builds (or hangs); the child outlives it by minutes.
     */
    private Path goLeavingADaemon(Path sleeper, boolean hang) throws Exception {
        Path fakeGo = dir.resolve("daemon-go");
        Files.writeString(
                fakeGo,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = build ]; then setsid " + sleeper + " 300 & " + (hang ? "sleep 300; " : "")
                        + "fi\n"
                        + "exec go \"$@\"\n");
        Files.setPosixFilePermissions(fakeGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fakeGo;
    }

    /** linux/amd64 with a 20 s build timeout, built by {@link #goLeavingADaemon}. */
    private BuildConfiguration buildWithGoLeavingADaemon(Path sleeper, boolean hang) throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), HELLO);
        return TestBuilds.configuration(
                dir,
                module,
                List.of("linux/amd64"),
                TestBuilds.settings(null, Duration.ofSeconds(20)),
                goLeavingADaemon(sleeper, hang),
                null,
                1,
                false);
    }

    @Test
    void aDaemonLeftBehindByGoDoesNotKeepTheBuildWaiting() throws Exception {
        Path sleeper = ProcessTable.sleeper(dir);
        BuildConfiguration configuration = buildWithGoLeavingADaemon(sleeper, false);
        try (ProcessTable.Watch watch = new ProcessTable.Watch(sleeper.toString())) {
            long start = System.nanoTime();
            BuildManifest manifest = TestBuilds.run(configuration);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(20 + 5)) < 0, "took " + took);
            assertEquals(1, manifest.binaries().size());
            ProcessTable.assertAllDead(watch.seen());
        }
    }

    @Test
    void aDaemonLeftBehindByAHangingGoDoesNotStretchTheBuildTimeout() throws Exception {
        Path sleeper = ProcessTable.sleeper(dir);
        BuildConfiguration configuration = buildWithGoLeavingADaemon(sleeper, true);
        try (ProcessTable.Watch watch = new ProcessTable.Watch(sleeper.toString())) {
            long start = System.nanoTime();
            GoBuildException failure = assertThrows(GoBuildException.class, () -> TestBuilds.run(configuration));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(20 + 5)) < 0, "took " + took);
            assertTrue(
                    failure.getMessage().contains("did not finish within 20 s and was killed"), failure.getMessage());
            ProcessTable.assertAllDead(watch.seen());
        }
    }

    @Test
    void aKilledBuildLeavesNoPartialFile() throws Exception {
        // Test double: a go that answers everything like the real one but, asked to build,
        // writes half a binary to its -o path and hangs until it is killed at the timeout.
        Path module = Tools.goModule(dir.resolve("module"), HELLO);
        Path fakeGo = dir.resolve("fake-go");
        Files.writeString(
                fakeGo,
                "#!/bin/sh\n"
                        + "case \"$1\" in\n"
                        + "  build) printf 'half' > \"$3\"; sleep 300 ;;\n"
                        + "  *) exec go \"$@\" ;;\n"
                        + "esac\n");
        Files.setPosixFilePermissions(fakeGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        BuildConfiguration withTimeout = TestBuilds.configuration(
                dir,
                module,
                List.of("linux/amd64"),
                TestBuilds.settings(null, Duration.ofSeconds(2)),
                fakeGo,
                null,
                1,
                false);
        GoBuildException failure = assertThrows(
                GoBuildException.class,
                () -> new StaticGoBuild(new ProcessRunner(), BuildLog.silent()).run(withTimeout));
        assertTrue(failure.getMessage().contains("did not finish within 2 s"), failure.getMessage());
        assertEquals(List.of(), filesIn(dir.resolve("out")));
    }

    @Test
    void aBadLinkFlagStopsTheBuildBeforeGoRuns() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), HELLO);
        ConfigurationException failure = assertThrows(
                ConfigurationException.class,
                () -> new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                        .run(configuration(module, List.of("linux/amd64"), "-X 'main.version=1", null, null)));
        assertEquals("ldflags", failure.element());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aDirectoryWithoutGoModNamesSourceDirectory() {
        ConfigurationException failure = assertThrows(
                ConfigurationException.class,
                () -> new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                        .run(configuration(dir, List.of("linux/amd64"), null, null, null)));
        assertEquals("sourceDirectory", failure.element());
        assertTrue(failure.getMessage().contains("there is no go.mod in " + dir));
    }

    @Test
    void aGlobalEnvThatSetsWhatHasItsOwnElementIsRefused() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), HELLO);
        BuildSettings settings = new BuildSettings(
                true,
                true,
                null,
                List.of(),
                null,
                null,
                "exe",
                List.of(),
                java.util.Map.of("CC", "clang", "GOTOOLCHAIN", "go1.22.0"),
                false,
                Duration.ofMinutes(1));
        ConfigurationException failure = assertThrows(
                ConfigurationException.class,
                () -> TestBuilds.run(
                        TestBuilds.configuration(dir, module, List.of("linux/amd64"), settings, null, null, 1, false)));
        assertEquals(
                "<env>: must not set CC; use <cc> instead. must not set GOTOOLCHAIN; use <goVersion> instead.",
                failure.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aGoThatExitsZeroWithoutWritingTheBinaryIsNamed() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), HELLO);
        // A wrapper that answers every go command but "build", which it claims to have done.
        Path lazyGo = dir.resolve("lazy-go");
        Files.writeString(lazyGo, "#!/bin/sh\n[ \"$1\" = build ] && exit 0\nexec go \"$@\"\n");
        Files.setPosixFilePermissions(lazyGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        GoBuildException failure = assertThrows(
                GoBuildException.class,
                () -> new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                        .run(configuration(module, List.of("linux/amd64"), null, lazyGo, null)));
        assertEquals(
                "go build of . for linux/amd64 exited 0 but wrote no binary: " + lazyGo + " did not do what go "
                        + "build -o does. Point <goExecutable> at the go command (or fix the wrapper in its place).",
                failure.getMessage());
        assertEquals(List.of(), filesIn(dir.resolve("out")), "nothing half-written, no build.json");
    }
}
