package io.github.staticgo.incremental;

import io.github.staticgo.BuildLog;
import io.github.staticgo.FileDigest;
import io.github.staticgo.Json;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.manifest.BuiltBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What the last successful build of one binary recorded: the fingerprint of its inputs and the file it
 * left. Written only after the binary is in place, so an interrupted build is never taken as up to date.
 */
public final class BuildState {
    /** One record; {@code binary} is what build.json lists for it. */
    record Record(String fingerprint, long size, long modified, BuiltBinary binary) {}

    private final Path directory;
    private final BuildLog log;

    public BuildState(Path directory, BuildLog log) {
        this.directory = directory;
        this.log = log;
    }

    /** The recorded binary when its fingerprint is {@code fingerprint} and the file is as the build left it. */
    public Optional<BuiltBinary> upToDate(Path output, String fingerprint) throws IOException {
        Optional<Record> record = read(output, fingerprint);
        if (record.isEmpty() || !Files.isRegularFile(output)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(output, BasicFileAttributes.class);
        boolean unchanged = record.get().size() == attributes.size()
                && record.get().modified() == attributes.lastModifiedTime().toMillis();
        return unchanged ? Optional.of(record.get().binary()) : Optional.empty();
    }

    /**
     * Puts back the binary the build left when the compress goal has since replaced it with a packed one:
     * {@code original} (compress's kept copy) must be, byte for byte, what was recorded for {@code fingerprint}.
     * Compress then packs it again; UPX gives the same bytes for the same input.
     */
    public Optional<BuiltBinary> restore(Path output, String fingerprint, Path original) throws IOException {
        Optional<Record> record = read(output, fingerprint);
        if (record.isEmpty()
                || !Files.isRegularFile(original)
                || !record.get().binary().sha256().equals(FileDigest.sha256(original))) {
            return Optional.empty();
        }
        SafeFiles.copy(original, output, FileTime.fromMillis(record.get().modified()));
        return Optional.of(record.get().binary());
    }

    private Optional<Record> read(Path output, String fingerprint) {
        Path recordFile = recordFile(output);
        if (!Files.isRegularFile(recordFile)) {
            return Optional.empty();
        }
        try {
            Record record = Json.readFile(recordFile, Record.class);
            return record.fingerprint().equals(fingerprint) ? Optional.of(record) : Optional.empty();
        } catch (IOException unreadable) {
            log.warn("The up-to-date record " + recordFile + " cannot be read (" + unreadable.getMessage() + "): "
                    + output.getFileName() + " is built again.");
            return Optional.empty();
        }
    }

    public void record(Path output, String fingerprint, BuiltBinary binary) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(output, BasicFileAttributes.class);
        Json.writeFile(
                recordFile(output),
                new Record(
                        fingerprint,
                        attributes.size(),
                        attributes.lastModifiedTime().toMillis(),
                        binary));
    }

    /** Forgets a binary before it is rebuilt, so a failed rebuild cannot leave the old record standing. */
    public void forget(Path output) throws IOException {
        Files.deleteIfExists(recordFile(output));
    }

    /** One file per output, named after its absolute path, so executions sharing this directory never collide. */
    private Path recordFile(Path output) {
        String path = output.toAbsolutePath().normalize().toString();
        return directory.resolve(
                output.getFileName() + "-" + SourceDigests.sha256(path).substring(0, 12) + ".json");
    }
}
