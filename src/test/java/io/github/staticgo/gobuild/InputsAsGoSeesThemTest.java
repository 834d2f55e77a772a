package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.RecordingLog;
import io.github.staticgo.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which edits rebuild which binary of a module with two mains, when the inputs are what go lists. go runs
 * through a recording wrapper (a test double around the real go: it writes one line per go build and go
 * list it is asked for, then hands over to go), so what go was asked to do is observed, not taken from
 * the plugin's log.
 */
class InputsAsGoSeesThemTest {
    private static final List<String> LINUX = List.of("linux/amd64");

    @TempDir
    Path dir;

    private Path module;
    private Path recordingGo;
    private Path calls;

    @BeforeEach
    void twoMainsAndRecordingGo() throws Exception {
        // cmd/server imports internal/api; cmd/tool imports nothing of the module.
        module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module example.com/two\n\ngo 1.21\n");
        write(
                "cmd/server/main.go",
                "package main\n\nimport \"example.com/two/internal/api\"\n\n"
                        + "func main() { println(api.Version) }\n");
        write("cmd/tool/main.go", "package main\n\nfunc main() { println(\"tool\") }\n");
        write("internal/api/api.go", "package api\n\nconst Version = \"1\"\n");
        write("internal/unused/unused.go", "package unused\n");
        write("README.md", "# two\n");
        calls = dir.resolve("calls.log");
        recordingGo = dir.resolve("recording-go");
        Files.writeString(
                recordingGo,
                "#!/bin/sh\ncase \"$1\" in build|list) echo \"$1 $(basename \"$(pwd)\") $*\" >> '" + calls
                        + "';; esac\nexec go \"$@\"\n");
        Files.setPosixFilePermissions(recordingGo, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void write(String file, String text) throws Exception {
        Path path = module.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private RecordingLog log;

    /** The go builds and go lists the run started, as "build ./cmd/server" or "list". */
    private List<String> build(Map<String, String> callerEnvironment) throws Exception {
        Files.deleteIfExists(calls);
        BuildConfiguration configuration = TestBuilds.configuration(
                dir,
                module,
                LINUX,
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                recordingGo,
                null,
                2,
                false,
                callerEnvironment);
        log = new RecordingLog();
        TestBuilds.run(TestBuilds.withPackages(configuration, List.of("./cmd/server", "./cmd/tool")), log);
        if (!Files.exists(calls)) {
            return List.of();
        }
        return Files.readAllLines(calls).stream()
                .map(line -> line.startsWith("build ") ? "build " + line.substring(line.lastIndexOf(' ') + 1) : "list")
                .sorted()
                .toList();
    }

    private List<String> build() throws Exception {
        return build(System.getenv());
    }

    @Test
    void aNoChangeRunAsksGoNothing() throws Exception {
        assertEquals(List.of("build ./cmd/server", "build ./cmd/tool", "list"), build());
        assertEquals(List.of(), build());
        assertTrue(log.has("INFO", "server-linux-amd64  up to date"), log.toString());
    }

    @Test
    void editsOfFilesNoPackageReadsRebuildNothing() throws Exception {
        build();
        Files.writeString(module.resolve("README.md"), "more\n", StandardOpenOption.APPEND);
        assertEquals(List.of(), build(), "an edited README in the module root, which holds no package");
        write("internal/unused/more.go", "package unused\n\nconst More = 1\n");
        assertEquals(List.of(), build(), "a new file in a package nothing imports");
        write("cmd/tool/NOTES.txt", "not go\n");
        assertEquals(List.of("list"), build(), "a new file beside a main package: go is asked, nothing built");
        write("cmd/server/main_windows.go", "package main\n\nvar onlyOnWindows = 1\n");
        assertEquals(List.of("list"), build(), "a file the build constraints leave out for linux");
        write("cmd/tool/main_test.go", "package main\n");
        assertEquals(List.of("list"), build(), "a test file");
    }

    @Test
    void aChangeInAnImportedPackageRebuildsOnlyTheBinaryThatImportsItAndSaysWhich() throws Exception {
        build();
        write("internal/api/api.go", "package api\n\nconst Version = \"2\"\n");
        assertEquals(List.of("build ./cmd/server", "list"), build(), "go lists the inputs it builds from");
        assertTrue(log.has("INFO", "server-linux-amd64  building: internal/api/api.go changed"), log.toString());
        assertTrue(log.has("INFO", "tool-linux-amd64  up to date"), log.toString());

        write("cmd/tool/flags.go", "package main\n\nvar verbose = false\n");
        assertEquals(List.of("build ./cmd/tool", "list"), build());
        assertTrue(log.has("INFO", "tool-linux-amd64  building: cmd/tool/flags.go changed"), log.toString());

        Files.writeString(module.resolve("go.mod"), "\n// edited\n", StandardOpenOption.APPEND);
        assertEquals(List.of("build ./cmd/server", "build ./cmd/tool", "list"), build());
        assertTrue(log.has("INFO", "server-linux-amd64  building: go.mod changed"), log.toString());
    }

    @Test
    void aMissingBinaryAndNewLinkFlagsAreNamed() throws Exception {
        build();
        Files.delete(dir.resolve("out/tool-linux-amd64"));
        assertEquals(List.of("build ./cmd/tool", "list"), build());
        assertTrue(log.has("INFO", "tool-linux-amd64  building: the binary is missing"), log.toString());
    }

    @Test
    void aPatternBuildsEveryMainPackageItMatchesAndOnlyThose() throws Exception {
        BuildConfiguration configuration = TestBuilds.withPackages(
                TestBuilds.configuration(
                        dir, module, LINUX, TestBuilds.settings(null, Duration.ofMinutes(5)), null, null, 2, false),
                List.of("./..."));
        List<String> built = TestBuilds.run(configuration).binaries().stream()
                .map(b -> b.file() + " " + b.goPackage())
                .sorted()
                .toList();
        assertEquals(
                List.of("server-linux-amd64 ./cmd/server", "tool-linux-amd64 ./cmd/tool"), built, "not internal/...");
        // What go itself says each binary is.
        String server = Tools.run(
                dir,
                Map.of(),
                "go",
                "version",
                "-m",
                dir.resolve("out/server-linux-amd64").toString());
        assertTrue(server.contains("\tpath\texample.com/two/cmd/server\n"), server);
    }

    @Test
    void twoMainsAPatternMatchesWithOneLastElementAreRefusedBeforeAnyBuild() throws Exception {
        write("tools/server/main.go", "package main\n\nfunc main() {}\n");
        ConfigurationException failure = assertThrows(
                ConfigurationException.class,
                () -> TestBuilds.run(TestBuilds.withPackages(
                        TestBuilds.configuration(
                                dir,
                                module,
                                LINUX,
                                TestBuilds.settings(null, Duration.ofMinutes(5)),
                                null,
                                null,
                                2,
                                false),
                        List.of("./..."))));
        assertEquals(
                "<packages>: './cmd/server' and './tools/server' would both be written as server-linux-amd64."
                        + " Give them different last path elements, or one of them a <name>.",
                failure.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing built");
    }

    @Test
    void withGoworkOffTheWorkspaceIsNoInput() throws Exception {
        // A go.work above the module that uses it and a module the program does not import.
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("go.mod"), "module example.com/other\n\ngo 1.21\n");
        Files.writeString(other.resolve("other.go"), "package other\n");
        Files.writeString(dir.resolve("go.work"), "go 1.21\n\nuse (\n\t./module\n\t./other\n)\n");
        Map<String, String> inWorkspace = new HashMap<>(System.getenv());
        inWorkspace.remove("GOWORK");
        build(inWorkspace);
        Files.writeString(other.resolve("new.go"), "package other\n\nconst New = 1\n");
        assertEquals(List.of(), build(inWorkspace), "a file of a workspace module nothing imports");
        Files.writeString(dir.resolve("go.work"), "\n// edited\n", StandardOpenOption.APPEND);
        assertEquals(
                List.of("build ./cmd/server", "build ./cmd/tool", "list"),
                build(inWorkspace),
                "go.work, which go reads");

        Map<String, String> off = new HashMap<>(inWorkspace);
        off.put("GOWORK", "off");
        build(off);
        Files.writeString(dir.resolve("go.work"), "\n// edited again\n", StandardOpenOption.APPEND);
        assertEquals(List.of(), build(off), "go.work, which go does not read with GOWORK=off: " + log);
    }
}
