package io.github.staticgo.incremental;

import io.github.staticgo.BuildLog;
import io.github.staticgo.FileDigest;
import io.github.staticgo.Json;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last successful build of one binary recorded: the facts that decided it, the files it was
 * built from and the file it left. Written only after the binary is in place, so an interrupted build is
 * never taken as up to date.
 */
public final class BuildState {
    /** One record; {@code binary} is what build.json lists for it. */
    record Record(Map<String, String> facts, InputSet inputs, long size, long modified, BuiltBinary binary) {}

    /** Lists a binary's inputs again, asking go: only when the files alone cannot tell. */
    @FunctionalInterface
    public interface InputLister {
        InputSet list() throws ToolchainException, IOException;
    }

    /**
     * The answer for one binary: the recorded binary when it is up to date, else why it is built.
     *
     * @param restored the compress goal's kept original was put back in place of the packed binary
     */
    public record Verdict(Optional<BuiltBinary> current, String reason, boolean restored) {
        static Verdict rebuild(String reason) {
            return new Verdict(Optional.empty(), reason, false);
        }
    }

    private final Path directory;
    private final BuildLog log;

    public BuildState(Path directory, BuildLog log) {
        this.directory = directory;
        this.log = log;
    }

    /**
     * Decides whether {@code output} is up to date: its facts are the recorded ones, its input files are
     * as recorded (or go, asked again because a package directory changed, lists the same ones) and the
     * file is as the build left it.
     *
     * @param packedOriginal compress's copy of the binary as built, or null: when the facts and inputs
     *     match and it is, byte for byte, what was recorded, it is put back and the binary is up to date
     * @param describe how a changed file is named in the reason (relative to the module)
     */
    public Verdict check(
            Path output,
            Map<String, String> facts,
            SourceDigests digests,
            InputLister lister,
            Path packedOriginal,
            java.util.function.Function<String, String> describe)
            throws IOException, ToolchainException {
        Optional<Record> read = read(output);
        if (read.isEmpty()) {
            return Verdict.rebuild("no earlier build recorded");
        }
        Record record = read.get();
        Optional<String> changedFacts = Fingerprint.changes(record.facts(), facts);
        if (changedFacts.isPresent()) {
            return Verdict.rebuild(changedFacts.get());
        }
        InputSet.Comparison comparison = record.inputs().compareWithDisk(digests);
        if (!comparison.compiledChanged().isEmpty()) {
            return Verdict.rebuild(changedFiles(comparison.compiledChanged(), describe));
        }
        if (comparison.layoutChanged()) {
            digests.watched().notKept("a package directory changed");
            InputSet relisted = lister.list();
            List<String> differences = record.inputs().compiledDifferences(relisted);
            if (!differences.isEmpty()) {
                return Verdict.rebuild(changedFiles(differences, describe));
            }
            record = new Record(record.facts(), relisted, record.size(), record.modified(), record.binary());
            Json.writeFile(recordFile(output), record);
        }
        if (!Files.isRegularFile(output)) {
            return Verdict.rebuild("the binary is missing");
        }
        BasicFileAttributes attributes = Files.readAttributes(output, BasicFileAttributes.class);
        digests.watched().saw(output, attributes);
        if (record.size() == attributes.size()
                && record.modified() == attributes.lastModifiedTime().toMillis()) {
            return new Verdict(Optional.of(record.binary()), null, false);
        }
        if (packedOriginal != null
                && Files.isRegularFile(packedOriginal)
                && record.binary().sha256().equals(FileDigest.sha256(packedOriginal))) {
            // Compress then packs it again; UPX gives the same bytes for the same input.
            SafeFiles.copy(packedOriginal, output, FileTime.fromMillis(record.modified()));
            return new Verdict(Optional.of(record.binary()), null, true);
        }
        return Verdict.rebuild("the binary was changed after its build");
    }

    private static String changedFiles(List<String> files, java.util.function.Function<String, String> describe) {
        List<String> named = files.stream().limit(3).map(describe).toList();
        return String.join(", ", named)
                + (files.size() > named.size() ? " and " + (files.size() - named.size()) + " more files" : "")
                + " changed";
    }

    private Optional<Record> read(Path output) {
        Path recordFile = recordFile(output);
        if (!Files.isRegularFile(recordFile)) {
            return Optional.empty();
        }
        try {
            Record record = Json.readFile(recordFile, Record.class);
            if (record.facts() == null || record.inputs() == null || record.binary() == null) {
                return Optional.empty(); // written by a plugin version that kept other facts
            }
            return Optional.of(record);
        } catch (IOException unreadable) {
            log.warn("The up-to-date record " + recordFile + " cannot be read (" + unreadable.getMessage() + "): "
                    + output.getFileName() + " is built again.");
            return Optional.empty();
        }
    }

    public void record(Path output, Map<String, String> facts, InputSet inputs, BuiltBinary binary) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(output, BasicFileAttributes.class);
        Json.writeFile(
                recordFile(output),
                new Record(
                        facts,
                        inputs,
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
                output.getFileName() + "-" + FileDigest.sha256(path).substring(0, 12) + ".json");
    }
}
