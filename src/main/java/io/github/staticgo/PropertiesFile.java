package io.github.staticgo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The records a run with nothing changed reads (kept go answers, the last run's decision), as Java
 * properties files rather than JSON: such a run then loads no JSON mapper, whose first use in a fresh JVM
 * costs more than the rest of the run. Lists are numbered keys, {@code line.0}, {@code line.1}, ...
 */
public final class PropertiesFile {
    private PropertiesFile() {}

    /** The file's properties; empty when it is absent or unreadable, which its readers take as no record. */
    public static Optional<Properties> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(properties);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** The values of {@code prefix}0, {@code prefix}1, ... up to the first missing one. */
    public static List<String> list(Properties properties, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 0; properties.containsKey(prefix + i); i++) {
            values.add(properties.getProperty(prefix + i));
        }
        return values;
    }

    public static void putList(Properties properties, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            properties.setProperty(prefix + i, values.get(i));
        }
    }

    /** Writes the file through a temporary file and a rename, creating its directory. */
    public static void write(Path file, Properties properties, String comment) throws IOException {
        StringWriter text = new StringWriter();
        properties.store(text, comment);
        Files.createDirectories(file.toAbsolutePath().getParent());
        SafeFiles.replace(file, temporary -> Files.writeString(temporary, text.toString()));
    }
}
