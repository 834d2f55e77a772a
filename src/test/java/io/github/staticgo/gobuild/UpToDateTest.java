package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.upx.CompressRequest;
import io.github.staticgo.upx.StaticGoCompress;
import io.github.staticgo.upx.UpxDouble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
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

    /**
     * The targets go was asked to build, sorted. Unless forced, the same build then runs once more, which
     * must build nothing: that run keeps its decision (the run record), so the change a test makes next is
     * checked against the record a run with nothing changed answers from, not only against the binaries'
     * own records.
     */
    private List<String> build(BuildConfiguration configuration) throws Exception {
        List<String> built = goBuilds(configuration);
        if (!configuration.execution().force()) {
            assertEquals(List.of(), goBuilds(configuration), "the same build again");
        }
        return built;
    }

    private List<String> goBuilds(BuildConfiguration configuration) throws Exception {
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
    void aRunWithNothingChangedAnswersFromTheLastRunAlone() throws Exception {
        Files.writeString(module.resolve("README.md"), "not read by go\n");
        build();
        // Every binary's own record made unreadable: a run that read them would rebuild both targets.
        try (Stream<Path> records = Files.list(dir.resolve("state"))) {
            for (Path record : records.filter(f -> f.getFileName().toString().startsWith("hello-"))
                    .toList()) {
                Files.writeString(record, "not a record");
            }
        }
        // Edited in place: a file added to or removed from a package directory makes the run look again.
        Files.writeString(module.resolve("README.md"), "still not read by go\n", StandardOpenOption.APPEND);
        Map<String, String> caller = new HashMap<>(System.getenv());
        caller.put("MAVEN_CMD_LINE_ARGS", "verify -Dother=1"); // Maven's own, which go never reads
        assertEquals(List.of(), goBuilds(configuration(TWO_TARGETS, caller)));
        caller.put("GOPROXY", "off"); // one that go reads: the binaries are decided again
        assertEquals(TWO_TARGETS, goBuilds(configuration(TWO_TARGETS, caller)));
    }

    private BuildConfiguration configuration(List<String> targets, Map<String, String> callerEnvironment) {
        return TestBuilds.configuration(
                dir,
                module,
                targets,
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                recordingGo,
                null,
                2,
                false,
                callerEnvironment);
    }

    @Test
    void aNewFileInAPackageDirectoryOrANewMainUnderAPatternIsSeen() throws Exception {
        build();
        Files.writeString(module.resolve("extra.go"), "package main\n\nfunc init() { println(\"extra\") }\n");
        assertEquals(TWO_TARGETS, build(), "a new .go file in the package directory");
        BuildConfiguration everyMain =
                TestBuilds.withPackages(configuration(List.of("linux/amd64"), System.getenv()), List.of("./cmd/..."));
        for (String main : List.of("one", "two", "three")) {
            Files.createDirectories(module.resolve("cmd/" + main));
            Files.writeString(module.resolve("cmd/" + main + "/main.go"), "package main\n\nfunc main() {}\n");
            if (main.equals("two")) {
                assertEquals(List.of("linux/amd64", "linux/amd64"), build(everyMain));
            }
        }
        assertEquals(List.of("linux/amd64"), build(everyMain), "a new main under ./cmd/...");
        assertTrue(Files.isRegularFile(dir.resolve("out/three-linux-amd64")));
        Files.delete(dir.resolve("out/build.json"));
        assertEquals(List.of(), build(everyMain), "build.json deleted");
        assertEquals(3, BuildManifest.read(dir.resolve("out")).binaries().size());
    }

    @Test
    void aChangedCCompilerOrANewOneEarlierOnPathRebuildsACgoTarget() throws Exception {
        Files.writeString(
                module.resolve("main.go"),
                "package main\n\n// int seven(void) { return 7; }\nimport \"C\"\n\n"
                        + "import \"fmt\"\n\nfunc main() { fmt.Println(C.seven()) }\n");
        Path later = Files.createDirectories(dir.resolve("later-bin"));
        Path earlier = Files.createDirectories(dir.resolve("earlier-bin"));
        Path compiler = compilerWrapper(later, "");
        Map<String, String> caller = new HashMap<>(System.getenv());
        caller.put("PATH", earlier + ":" + later + ":" + System.getenv("PATH"));
        BuildConfiguration base = configuration(List.of("linux/amd64"), caller);
        BuildConfiguration withCgo = new BuildConfiguration(
                base.moduleDirectory(),
                base.packages(),
                base.binaryName(),
                base.defaultName(),
                List.of(new TargetDeclaration("linux/amd64", "musl", "static-go-test-cc", null, null, null, null)),
                base.defaultCgo(),
                base.settings(),
                base.toolchain(),
                base.outputDirectory(),
                base.outputTimestamp(),
                base.execution());
        assertEquals(List.of("linux/amd64"), build(withCgo));
        compilerWrapper(later, "# a new release of the same compiler\n");
        Files.setLastModifiedTime(
                compiler,
                FileTime.fromMillis(Files.getLastModifiedTime(compiler).toMillis() + 5000));
        assertEquals(List.of("linux/amd64"), build(withCgo), "the compiler changed in place");
        compilerWrapper(earlier, "");
        assertEquals(List.of("linux/amd64"), build(withCgo), "another compiler earlier on PATH");
    }

    /** A C compiler named static-go-test-cc in {@code directory}: musl-gcc under another name. */
    private static Path compilerWrapper(Path directory, String comment) throws Exception {
        Path compiler = directory.resolve("static-go-test-cc");
        Files.writeString(compiler, "#!/bin/sh\n" + comment + "exec musl-gcc \"$@\"\n");
        Files.setPosixFilePermissions(compiler, PosixFilePermissions.fromString("rwxr-xr-x"));
        return compiler;
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
