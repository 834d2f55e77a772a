package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.FileDigest;
import io.github.staticgo.RecordingLog;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed run, a full disk or a hand edit leaves behind never stops the next build: it is named
 * in one warning and treated as absent, and scratch left in the output directory is swept.
 */
class StateThatHealsTest {
    private static final List<String> TARGETS = List.of("linux/amd64", "linux/arm64");

    @TempDir
    Path dir;

    private BuildManifest build(Path module, RecordingLog log) throws Exception {
        return TestBuilds.run(
                TestBuilds.configuration(
                        dir, module, TARGETS, TestBuilds.settings(null, Duration.ofMinutes(5)), null, null, 2, false),
                log);
    }

    /** build.json on disk lists every binary with the SHA-256 of the file beside it. */
    private void assertManifestMatchesFiles() throws Exception {
        Path out = dir.resolve("out");
        BuildManifest manifest = BuildManifest.read(out);
        assertEquals(TARGETS.size(), manifest.binaries().size());
        for (BuiltBinary binary : manifest.binaries()) {
            assertEquals(FileDigest.sha256(out.resolve(binary.file())), binary.sha256(), binary.file());
        }
    }

    private static void truncate(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    @Test
    void aTruncatedBuildJsonIsNamedAndWrittenAnew() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        build(module, new RecordingLog());
        Path manifest = dir.resolve("out/build.json");
        truncate(manifest);

        RecordingLog log = new RecordingLog();
        build(module, log);
        assertTrue(log.has("WARN", manifest + " cannot be read"), log.toString());
        assertManifestMatchesFiles();
        assertTrue(log.has("INFO", "up to date"), "the binaries themselves were fine:\n" + log);
    }

    @Test
    void unreadableRecordsAndDigestsAreNamedAndRebuiltFrom() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        build(module, new RecordingLog());
        Path state = dir.resolve("state");
        List<Path> records;
        try (Stream<Path> files = Files.list(state)) {
            records = files.filter(f -> f.getFileName().toString().startsWith("hello-linux-"))
                    .toList();
        }
        assertEquals(2, records.size(), "one up-to-date record per binary");
        truncate(records.get(0));
        Files.write(state.resolve("file-digests.json"), new byte[] {0, (byte) 0xff, '{'});

        RecordingLog log = new RecordingLog();
        build(module, log);
        assertTrue(log.has("WARN", "The up-to-date record " + records.get(0) + " cannot be read"), log.toString());
        assertTrue(log.has("WARN", state.resolve("file-digests.json") + " cannot be read"), log.toString());
        assertManifestMatchesFiles();
    }

    @Test
    void scratchAKilledRunLeftIsSwept() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path building = Files.createDirectories(out.resolve(".building-123"));
        Files.writeString(building.resolve("hello-linux-amd64"), "half a binary");
        Path packing = Files.createDirectories(out.resolve(".packing-456"));
        Path part = Files.writeString(out.resolve(".build.json.0f1e.part"), "{\"goVer");

        RecordingLog log = new RecordingLog();
        build(module, log);
        assertFalse(Files.exists(building) || Files.exists(packing) || Files.exists(part), log.toString());
        assertTrue(log.has("INFO", "Removing .building-123, left by a build that did not finish"), log.toString());
        assertManifestMatchesFiles();
    }

    @Test
    void aReplaceThatNothingUsesOrThatIsNoModuleIsNeverRead() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.key"), "not an input");
        Path unused = Files.createDirectories(dir.resolve("unused"));
        Files.writeString(unused.resolve("go.mod"), "module example.com/unused\n\ngo 1.21\n");
        Files.writeString(unused.resolve("unused.go"), "package unused\n");
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/fixture\n\ngo 1.21\n\n"
                        + "replace example.com/etc => ../outside\n\nreplace example.com/unused => ../unused\n\n"
                        + "replace example.com/root => /\n");
        build(module, new RecordingLog());

        String digests = Files.readString(dir.resolve("state/file-digests.json"));
        assertTrue(digests.contains(module.resolve("main.go").toString()), "the module's own files are inputs");
        assertFalse(digests.contains(outside.toString()), digests);
        assertFalse(digests.contains(unused.toString()), digests);
        assertFalse(digests.contains("\"/etc/"), digests);
    }
}
