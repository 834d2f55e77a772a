package io.github.staticgo.incremental;

import io.github.staticgo.BuildLog;
import io.github.staticgo.FileDigest;
import io.github.staticgo.FileStamp;
import io.github.staticgo.PropertiesFile;
import io.github.staticgo.manifest.BuiltBinary;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the last run of one build execution decided when it built nothing, with the stamp of every file
 * and directory it decided from ({@link WatchedFiles}): a run with the same configuration, the same go and
 * all those stamps unchanged answers "up to date" from it alone, without planning the targets, expanding
 * patterns or reading a binary's record. It is a {@link PropertiesFile}.
 */
public final class RunRecord {
    /** The lines the run printed and the binaries it returned. */
    public record Outcome(List<String> lines, List<BuiltBinary> binaries) {
        public Outcome {
            lines = List.copyOf(lines);
            binaries = List.copyOf(binaries);
        }
    }

    private static final String KEY = "key";
    private static final String WATCHED = "watched.";
    private static final String LINE = "line.";
    private static final String BINARY = "binary.";

    private final Path file;
    private final String key;

    /**
     * @param key a digest of everything the run was asked and of the go it ran: the record answers only
     *     for the same
     */
    public RunRecord(Path stateDirectory, String execution, String key) {
        this.file = stateDirectory.resolve(
                "run-" + FileDigest.sha256(String.valueOf(execution)).substring(0, 12) + ".properties");
        this.key = key;
    }

    /**
     * A digest of what a run is asked, equal for equal values in every JVM and different for different
     * ones: records by their components, maps sorted by key, each value with its length. Not by the records' own toString, whose first use in a fresh JVM spins more
     * method handles than the whole no-change run takes otherwise.
     */
    public static String key(Object... asked) {
        StringBuilder text = new StringBuilder();
        for (Object part : asked) {
            describe(part, text);
            text.append('\n');
        }
        return FileDigest.sha256(text.toString());
    }

    private static void describe(Object value, StringBuilder text) {
        if (value instanceof Record record) {
            text.append(record.getClass().getName()).append('[');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                text.append(component.getName()).append('=');
                try {
                    describe(component.getAccessor().invoke(record), text);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e); // a record's accessors are public and throw nothing
                }
                text.append(',');
            }
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            new TreeMap<>(map).forEach((key, entry) -> {
                describe(key, text);
                text.append('=');
                describe(entry, text);
                text.append(',');
            });
            text.append('}');
        } else if (value instanceof Collection<?> collection) {
            text.append('[');
            collection.forEach(element -> {
                describe(element, text);
                text.append(',');
            });
            text.append(']');
        } else if (value == null) {
            text.append('~');
        } else {
            String written = value.toString(); // with its length: no value can pass for two
            text.append(written.length()).append(':').append(written);
        }
    }

    /** The outcome of the last run, when it was asked the same and nothing it decided from changed. */
    public Optional<Outcome> unchanged(BuildLog log) {
        Optional<Properties> read = PropertiesFile.read(file); // absent or unreadable: decided again
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Properties record = read.get();
        if (!key.equals(record.getProperty(KEY))) {
            log.debug("Asked otherwise than the last run (configuration, go or its environment): deciding again.");
            return Optional.empty();
        }
        Optional<String> changed = FileStamp.firstChanged(PropertiesFile.list(record, WATCHED));
        if (changed.isPresent()) {
            log.debug(changed.get() + " changed since the last run: deciding again.");
            return Optional.empty();
        }
        List<String> lines = PropertiesFile.list(record, LINE);
        List<BuiltBinary> binaries = new ArrayList<>();
        try {
            for (int i = 0; record.containsKey(BINARY + i + ".file"); i++) {
                binaries.add(binary(record, BINARY + i + "."));
            }
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(lines, binaries));
    }

    /**
     * Keeps this run's outcome for the next run, when {@code watched} allows it; else only forgets the
     * last one. Binaries compress packed are never kept: build restores their originals, so it decides.
     */
    public void keep(WatchedFiles watched, Outcome outcome, BuildLog log) throws IOException {
        String notKept = watched.notKeptReason();
        if (notKept == null && outcome.binaries().stream().anyMatch(binary -> binary.upx() != null)) {
            notKept = "a binary is packed";
        }
        if (notKept != null) {
            log.debug("The next build looks at every binary again: " + notKept + ".");
            forget();
            return;
        }
        Properties record = new Properties();
        record.setProperty(KEY, key);
        PropertiesFile.putList(
                record,
                WATCHED,
                watched.stamps().entrySet().stream()
                        .map(stamp -> FileStamp.recorded(stamp.getValue(), Path.of(stamp.getKey())))
                        .toList());
        PropertiesFile.putList(record, LINE, outcome.lines());
        for (int i = 0; i < outcome.binaries().size(); i++) {
            put(record, BINARY + i + ".", outcome.binaries().get(i));
        }
        PropertiesFile.write(
                file, record, "static-go:build's last decision; deleting it only makes the next build look again");
    }

    /** Before a run decides again: a run cut short must not leave the last outcome standing. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    private static void put(Properties record, String prefix, BuiltBinary binary) {
        putIfSet(record, prefix + "file", binary.file());
        putIfSet(record, prefix + "goPackage", binary.goPackage());
        putIfSet(record, prefix + "goos", binary.goos());
        putIfSet(record, prefix + "goarch", binary.goarch());
        putIfSet(record, prefix + "variant", binary.variant());
        putIfSet(record, prefix + "builtVariant", binary.builtVariant());
        putIfSet(record, prefix + "cgo", binary.cgo());
        record.setProperty(prefix + "strip", String.valueOf(binary.strip()));
        putIfSet(record, prefix + "classifier", binary.classifier());
        record.setProperty(prefix + "size", String.valueOf(binary.size()));
        putIfSet(record, prefix + "sha256", binary.sha256());
        putIfSet(record, prefix + "execution", binary.execution());
    }

    private static void putIfSet(Properties record, String name, String value) {
        if (value != null) {
            record.setProperty(name, value);
        }
    }

    private static BuiltBinary binary(Properties record, String prefix) {
        return new BuiltBinary(
                record.getProperty(prefix + "file"),
                record.getProperty(prefix + "goPackage"),
                record.getProperty(prefix + "goos"),
                record.getProperty(prefix + "goarch"),
                record.getProperty(prefix + "variant"),
                record.getProperty(prefix + "builtVariant"),
                record.getProperty(prefix + "cgo"),
                Boolean.parseBoolean(record.getProperty(prefix + "strip")),
                record.getProperty(prefix + "classifier"),
                Long.parseLong(record.getProperty(prefix + "size")),
                record.getProperty(prefix + "sha256"),
                record.getProperty(prefix + "execution"),
                null);
    }
}
