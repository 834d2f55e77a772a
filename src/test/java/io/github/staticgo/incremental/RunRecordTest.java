package io.github.staticgo.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.manifest.BuiltBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {
    private record Asked(String name, List<String> tags, Map<String, String> env) {}

    @TempDir
    Path dir;

    @Test
    void theKeyIsTheSameForEqualValuesWhateverTheMapsOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("B", "2");
        one.put("A", "1");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("A", "1");
        other.put("B", "2");
        assertEquals(
                RunRecord.key(new Asked("x", List.of("t"), one)),
                RunRecord.key(new Asked("x", List.of("t"), Map.copyOf(other))));
    }

    @Test
    void noTwoDifferentValuesShareAKey() {
        List<String> keys = List.of(
                RunRecord.key(new Asked("x", List.of("a,b"), Map.of())),
                RunRecord.key(new Asked("x", List.of("a", "b"), Map.of())),
                RunRecord.key(new Asked("x", Arrays.asList("a", null), Map.of())),
                RunRecord.key(new Asked("x", List.of("a", "null"), Map.of())),
                RunRecord.key(new Asked(null, List.of(), Map.of())),
                RunRecord.key(new Asked("null", List.of(), Map.of())),
                RunRecord.key(new Asked("x", List.of(), Map.of("A", "1=B"))),
                RunRecord.key(new Asked("x", List.of(), Map.of("A=1", "B"))),
                RunRecord.key(new Asked("x", List.of(), Map.of("A", "1", "B", "2"))));
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void aFileChangedAfterItsFirstStampIsSeenByTheNextRun() throws Exception {
        Path source = Files.writeString(dir.resolve("main.go"), "package main\n");
        WatchedFiles watched = new WatchedFiles();
        watched.stamp(source);
        // An edit while the run is deciding, after it stamped the file: the run's second look must not
        // hide it from the next run.
        Files.writeString(source, "package main // edited\n");
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_000_000));
        watched.stamp(source);
        RunRecord record = new RunRecord(dir.resolve("state"), "default", "k");
        record.keep(watched, outcome(), BuildLog.silent());
        assertTrue(record.unchanged(BuildLog.silent()).isEmpty());
    }

    @Test
    void theOutcomeComesBackOnlyForTheSameKeyAndUnchangedFiles() throws Exception {
        Path source = Files.writeString(dir.resolve("main.go"), "package main\n");
        Path absent = dir.resolve("go.work");
        WatchedFiles watched = new WatchedFiles();
        watched.stamp(source);
        watched.stamp(absent);
        new RunRecord(dir.resolve("state"), "default", "k").keep(watched, outcome(), BuildLog.silent());

        assertEquals(
                outcome(),
                new RunRecord(dir.resolve("state"), "default", "k")
                        .unchanged(BuildLog.silent())
                        .orElseThrow());
        assertTrue(new RunRecord(dir.resolve("state"), "default", "other key")
                .unchanged(BuildLog.silent())
                .isEmpty());
        assertTrue(
                new RunRecord(dir.resolve("state"), "second", "k")
                        .unchanged(BuildLog.silent())
                        .isEmpty(),
                "another execution");
        Files.writeString(absent, "go 1.21\n");
        assertTrue(
                new RunRecord(dir.resolve("state"), "default", "k")
                        .unchanged(BuildLog.silent())
                        .isEmpty(),
                "a file that was absent appeared");
    }

    @Test
    void aRunThatChangedSomethingKeepsNothing() throws Exception {
        WatchedFiles watched = new WatchedFiles();
        RunRecord record = new RunRecord(dir.resolve("state"), "default", "k");
        record.keep(watched, outcome(), BuildLog.silent());
        watched.notKept("a binary was built");
        record.keep(watched, outcome(), BuildLog.silent());
        assertTrue(record.unchanged(BuildLog.silent()).isEmpty());
    }

    private static RunRecord.Outcome outcome() {
        return new RunRecord.Outcome(
                List.of("linux/amd64      hello-linux-amd64  up to date"),
                List.of(new BuiltBinary(
                        "hello-linux-amd64",
                        ".",
                        "linux",
                        "amd64",
                        null,
                        "v1",
                        "off",
                        true,
                        "linux-amd64",
                        1234,
                        "ab".repeat(32),
                        "default",
                        null)));
    }
}
