package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.upx.CompressRequest;
import io.github.staticgo.upx.StaticGoCompress;
import io.github.staticgo.upx.UpxDouble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which changes rebuild which binaries. go runs through a recording wrapper (a test double around the
 * real go: it writes one line per go build it is asked for, then hands over to go), so "no go build
 * was started" is observed, not inferred from the plugin's own log.
 */
class UpToDateTest {
    private static final List<String> TWO_TARGETS = List.of("linux/amd64", "linux/arm64");

    @TempDir
    Path dir;

    private Path module;
    private Path recordingGo;
    private Path builds;

    @BeforeEach
    void moduleAndRecordingGo() throws Exception {
        module = Tools.goModule(
                dir.resolve("module"),
                "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n\n"
                        + "\t\"example.com/lib\"\n)\n\n//go:embed banner.txt\nvar banner string\n\n"
                        + "func main() { fmt.Println(banner, lib.Name) }\n");
        Files.writeString(module.resolve("banner.txt"), "hello");
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/fixture\n\ngo 1.21\n\n"
                        + "require example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("go.mod"), "module example.com/lib\n\ngo 1.21\n");
        Files.writeString(lib.resolve("lib.go"), "package lib\n\nconst Name = \"lib\"\n");
        builds = dir.resolve("builds.log");
        recordingGo = dir.resolve("recording-go");
        Files.writeString(
                recordingGo,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = build ]; then echo \"$GOOS/$GOARCH\" >> '" + builds + "'; fi\n"
                        + "exec go \"$@\"\n");
        Files.setPosixFilePermissions(recordingGo, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> build(String ldflags, boolean force) throws Exception {
        return build(TestBuilds.configuration(
                dir,
                module,
                TWO_TARGETS,
                TestBuilds.settings(ldflags, Duration.ofMinutes(5)),
                recordingGo,
                null,
                2,
                force));
    }

    /** The targets go was asked to build, sorted. */
    private List<String> build(BuildConfiguration configuration) throws Exception {
        Files.deleteIfExists(builds);
        TestBuilds.run(configuration);
        return Files.exists(builds)
                ? Files.readAllLines(builds).stream().sorted().toList()
                : List.of();
    }

    private List<String> build() throws Exception {
        return build(null, false);
    }

    @Test
    void aSecondBuildStartsNoGoBuild() throws Exception {
        assertEquals(TWO_TARGETS, build());
        assertEquals(List.of(), build());
        // build.json still lists both binaries.
        assertEquals(2, BuildManifest.read(dir.resolve("out")).binaries().size());
    }

    @Test
    void everyKindOfInputChangeRebuildsEveryTarget() throws Exception {
        build();
        Files.writeString(module.resolve("main.go"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(TWO_TARGETS, build(), "a .go file");
        Files.writeString(module.resolve("banner.txt"), "hello again");
        assertEquals(TWO_TARGETS, build(), "an embedded file");
        Files.writeString(module.resolve("go.mod"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(TWO_TARGETS, build(), "go.mod");
        Files.writeString(dir.resolve("lib/lib.go"), "package lib\n\nconst Name = \"lib2\"\n");
        assertEquals(TWO_TARGETS, build(), "a file in a local replace directory");
        assertEquals(TWO_TARGETS, build("-X main.version=2", false), "the ldflags");
        assertEquals(List.of(), build("-X main.version=2", false));
    }

    @Test
    void aWorkspaceItsModulesAndTheGoEnvFileAreInputs() throws Exception {
        // A go.work above the module that brings in a second module the program imports, and a go env
        // file of the user's (GOENV), as go env -w writes it.
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path app = Tools.goModule(
                workspace.resolve("app"),
                "package main\n\nimport (\n\t\"fmt\"\n\n"
                        + "\t\"example.com/dep\"\n)\n\nfunc main() { fmt.Println(dep.Name) }\n");
        Path dep = Files.createDirectories(workspace.resolve("dep"));
        Files.writeString(dep.resolve("go.mod"), "module example.com/dep\n\ngo 1.21\n");
        Files.writeString(dep.resolve("dep.go"), "package dep\n\nconst Name = \"dep\"\n");
        Files.writeString(workspace.resolve("go.work"), "go 1.21\n\nuse (\n\t./app\n\t./dep\n)\n");
        Path goEnvFile = dir.resolve("go-env");
        Files.writeString(goEnvFile, "GOPRIVATE=example.com/one\n");
        Map<String, String> caller = new HashMap<>(System.getenv());
        caller.put("GOENV", goEnvFile.toString());
        caller.remove("GOWORK");
        BuildConfiguration inWorkspace = TestBuilds.configuration(
                dir,
                app,
                TWO_TARGETS,
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                recordingGo,
                null,
                2,
                false,
                caller);
        assertEquals(TWO_TARGETS, build(inWorkspace));
        assertEquals(List.of(), build(inWorkspace));
        Files.writeString(dep.resolve("dep.go"), "package dep\n\nconst Name = \"dep2\"\n");
        assertEquals(TWO_TARGETS, build(inWorkspace), "a file of a module the workspace uses");
        Files.writeString(workspace.resolve("go.work"), "\n// changed\n", StandardOpenOption.APPEND);
        assertEquals(TWO_TARGETS, build(inWorkspace), "go.work");
        Files.writeString(goEnvFile, "GOPRIVATE=example.com/two\n");
        assertEquals(TWO_TARGETS, build(inWorkspace), "the go env file");
        assertEquals(List.of(), build(inWorkspace));
    }

    @Test
    void aTestFileChangeRebuildsNothing() throws Exception {
        build();
        Files.writeString(module.resolve("main_test.go"), "package main\n");
        assertEquals(List.of(), build());
    }

    @Test
    void aDeletedOrModifiedOutputRebuildsThatTargetOnly() throws Exception {
        build();
        Files.delete(dir.resolve("out/hello-linux-arm64"));
        assertEquals(List.of("linux/arm64"), build());
        Files.writeString(dir.resolve("out/hello-linux-amd64"), "tampered");
        assertEquals(List.of("linux/amd64"), build());
    }

    @Test
    void forceRebuildsEverything() throws Exception {
        build();
        assertEquals(TWO_TARGETS, build(null, true));
    }

    @Test
    void aFailedRebuildIsNeverTakenAsUpToDate() throws Exception {
        build();
        Files.writeString(module.resolve("main.go"), "package main\n\nfunc main() { broken }\n");
        assertThrows(GoBuildException.class, this::build);
        Files.writeString(module.resolve("main.go"), "package main\n\nfunc main() {}\n");
        assertEquals(TWO_TARGETS, build());
    }

    @Test
    void theFirstFailureIsReportedAndNoPartialFileRemains() throws Exception {
        // Only the windows build sees the broken file; the linux ones may finish or be cancelled.
        Files.writeString(module.resolve("broken_windows.go"), "package main\n\nvar x = undefinedOnWindows\n");
        GoBuildException failure = assertThrows(
                GoBuildException.class,
                () -> TestBuilds.run(TestBuilds.configuration(
                        dir,
                        module,
                        List.of("linux/amd64", "windows/amd64", "linux/arm64"),
                        TestBuilds.settings(null, Duration.ofMinutes(5)),
                        recordingGo,
                        null,
                        3,
                        false)));
        assertTrue(failure.getMessage().startsWith("go build of . for windows/amd64 failed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("undefined: undefinedOnWindows"), failure.getMessage());
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertTrue(
                    names.stream().noneMatch(n -> n.startsWith(".building-") || n.contains("windows")),
                    names.toString());
        }
    }

    @Test
    void aBinaryPackedByCompressIsNotRebuiltAndItsOriginalGoesBackForCompress() throws Exception {
        build();
        Path out = dir.resolve("out");
        byte[] asBuilt = Files.readAllBytes(out.resolve("hello-linux-amd64"));
        // The compress goal's core, with the UPX test double (not UPX) doing the packing.
        UpxDouble upx = UpxDouble.installIn(dir.resolve("tools"));
        CompressRequest compress = upx.packEverything(out);
        new StaticGoCompress(new ProcessRunner(), BuildLog.silent()).run(compress);
        assertFalse(Arrays.equals(asBuilt, Files.readAllBytes(out.resolve("hello-linux-amd64"))), "packed");

        assertEquals(List.of(), build());
        assertArrayEquals(asBuilt, Files.readAllBytes(out.resolve("hello-linux-amd64")));
        new StaticGoCompress(new ProcessRunner(), BuildLog.silent()).run(compress);
        assertTrue(BuildManifest.read(out).binaries().stream()
                .allMatch(b -> b.upx() != null && b.upx().packed()));
    }
}
