package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.RecordingLog;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
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
 * The go env that locates go and the go list that expands {@code ./cmd/...} are kept between runs, so a
 * run with nothing changed starts no go process; and each is asked again when anything it reads changed.
 * go runs through a recording wrapper (a test double around the real go: it writes the subcommand of
 * every go command it is asked for, "pattern" for a go list without -deps (the one that expands patterns), then hands over to go), so what go was asked is observed, not taken
 * from the plugin's log.
 */
class KeptGoAnswersTest {
    @TempDir
    Path dir;

    private Path module;
    private Path recordingGo;
    private Path calls;
    private Path goEnvFile;
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private RecordingLog log;

    @BeforeEach
    void twoMainsBehindAPattern() throws Exception {
        module = Files.createDirectories(dir.resolve("work/module"));
        Files.writeString(module.resolve("go.mod"), "module example.com/kept\n\ngo 1.21\n");
        write("cmd/server/main.go", "package main\n\nfunc main() { println(\"server\") }\n");
        write("cmd/tool/main.go", "package main\n\nfunc main() { println(\"tool\") }\n");
        calls = dir.resolve("calls.log");
        recordingGo = dir.resolve("recording-go");
        writeRecordingGo("");
        goEnvFile = dir.resolve("go-env-file");
        environment.put("GOENV", goEnvFile.toString());
        environment.remove("GOWORK");
    }

    private void writeRecordingGo(String comment) throws Exception {
        Files.writeString(
                recordingGo,
                "#!/bin/sh\n# " + comment
                        + "\ncase \"$*\" in *-deps*) echo \"$1\";; list*) echo pattern;; *) echo \"$1\";; esac >> '"
                        + calls + "'\nexec go \"$@\"\n");
        Files.setPosixFilePermissions(recordingGo, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void write(String file, String text) throws Exception {
        Path path = module.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    /** The go subcommands the run started, in order, e.g. [env, pattern, list, build]. */
    private List<String> build() throws Exception {
        Files.deleteIfExists(calls);
        log = new RecordingLog();
        TestBuilds.run(
                TestBuilds.withPackages(
                        TestBuilds.configuration(
                                dir,
                                module,
                                List.of("linux/amd64"),
                                TestBuilds.settings(null, Duration.ofMinutes(5)),
                                recordingGo,
                                null,
                                1,
                                false,
                                environment),
                        List.of("./cmd/...")),
                log);
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private List<String> builtFiles() throws Exception {
        return BuildManifest.readIfPresent(dir.resolve("out")).orElseThrow().binaries().stream()
                .map(BuiltBinary::file)
                .sorted()
                .toList();
    }

    @Test
    void aNoChangeRunStartsNoGoProcess() throws Exception {
        List<String> first = build();
        assertTrue(first.contains("env") && first.contains("pattern") && first.contains("build"), first.toString());
        assertEquals(List.of(), build());
        assertTrue(log.has("INFO", "server-linux-amd64  up to date"), log.toString());
    }

    @Test
    void goEnvIsAskedAgainWhenWhatItReadsChanged() throws Exception {
        build();
        Files.writeString(goEnvFile, "GOPRIVATE=example.com/private\n");
        assertTrue(build().contains("env"), "go env -w wrote go's env file");
        assertFalse(build().contains("env"), "and nothing changed since");

        environment.put("GOPROXY", "off");
        assertTrue(build().contains("env"), "an environment variable go reads");

        writeRecordingGo("another go in the same place");
        assertTrue(build().contains("env"), "the go executable was replaced");

        Files.writeString(module.resolve("go.mod"), "\n// edited\n", StandardOpenOption.APPEND);
        assertTrue(build().contains("env"), "go.mod, whose go and toolchain lines choose the toolchain");

        Files.writeString(dir.resolve("work/go.work"), "go 1.21\n\nuse ./module\n");
        List<String> asked = build();
        assertTrue(asked.contains("env"), "a go.work in a directory above the module");
        assertTrue(log.has("INFO", "server-linux-amd64  building: GOWORK changed"), log.toString());
        assertFalse(build().contains("env"));

        Files.writeString(dir.resolve("work/go.work"), "\n// edited\n", StandardOpenOption.APPEND);
        assertTrue(build().contains("env"), "the go.work go uses");
    }

    @Test
    void thePatternIsListedAgainWhenAPackageBelowItChangedAndOnlyThen() throws Exception {
        build();
        write("cmd/server/README.md", "not go\n");
        write("cmd/server/testdata/fixture/main.go", "package main\n\nfunc main() {}\n");
        write("cmd/_draft/main.go", "package main\n\nfunc main() {}\n");
        write("internal/lib/lib.go", "package lib\n");
        List<String> asked = build();
        assertFalse(asked.contains("pattern"), "nothing go matches for ./cmd/... changed: " + asked);

        write("cmd/worker/main.go", "package main\n\nfunc main() { println(\"worker\") }\n");
        assertTrue(build().contains("pattern"), "a new package below cmd");
        assertEquals(List.of("server-linux-amd64", "tool-linux-amd64", "worker-linux-amd64"), builtFiles());

        write("cmd/worker/main.go", "package worker\n");
        assertTrue(build().contains("pattern"), "a main package that is no longer one");
        assertEquals(List.of("server-linux-amd64", "tool-linux-amd64"), builtFiles());
    }

    @Test
    void anAnswerWithCredentialsIsNotKept() throws Exception {
        environment.put("GOPROXY", "http://builder:s3cret@127.0.0.1:9/mod");
        build();
        assertTrue(build().contains("env"), "asked again: nothing was kept");
        Path kept = dir.resolve("state/go-env.json");
        assertFalse(Files.exists(kept) && Files.readString(kept).contains("s3cret"));
    }
}
