package io.github.staticgo.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What the last successful build of one binary recorded: the fingerprint of its inputs and the file it
 * left. Written only after the binary is in place, so an interrupted build is never taken as up to date.
 */
final class BuildState {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record; {@code binary} is what build.json lists for it. */
    record Record(String fingerprint, long size, long modified, BuiltBinary binary) {}

    private final Path directory;

    BuildState(Path directory) {
        this.directory = directory;
    }

    /** The recorded binary when its fingerprint is {@code fingerprint} and the file is as the build left it. */
    Optional<BuiltBinary> upToDate(Path output, String fingerprint) throws IOException {
        Path recordFile = recordFile(output);
        if (!Files.isRegularFile(recordFile) || !Files.isRegularFile(output)) {
            return Optional.empty();
        }
        Record record;
        try {
            record = JSON.readValue(recordFile.toFile(), Record.class);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(output, BasicFileAttributes.class);
        boolean unchanged = record.fingerprint().equals(fingerprint) && record.size() == attributes.size()
                && record.modified() == attributes.lastModifiedTime().toMillis();
        return unchanged ? Optional.of(record.binary()) : Optional.empty();
    }

    void record(Path output, String fingerprint, BuiltBinary binary) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(output, BasicFileAttributes.class);
        AtomicFiles.writeJson(recordFile(output), new Record(fingerprint, attributes.size(),
                attributes.lastModifiedTime().toMillis(), binary));
    }

    /** Forgets a binary before it is rebuilt, so a failed rebuild cannot leave the old record standing. */
    void forget(Path output) throws IOException {
        Files.deleteIfExists(recordFile(output));
    }

    /** One file per output, named after its absolute path, so executions sharing this directory never collide. */
    private Path recordFile(Path output) {
        String path = output.toAbsolutePath().normalize().toString();
        return directory.resolve(output.getFileName() + "-" + SourceDigests.sha256(path).substring(0, 12) + ".json");
    }
}
