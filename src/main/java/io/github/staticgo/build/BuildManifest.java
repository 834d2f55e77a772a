package io.github.staticgo.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code build.json}: the binaries one build goal run produced, read by the compress and verify goals.
 * Written to a temporary file and renamed, so a reader never sees half of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildManifest(String goVersion, List<BuiltBinary> binaries) {
    public static final String FILE_NAME = "build.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BuildManifest {
        binaries = List.copyOf(binaries);
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        // Unique per writer, and created with the user's usual permissions (createTempFile would make it 0600).
        Path temporary = directory.resolve("." + FILE_NAME + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                JSON.writeValue(out, this);
            }
            Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static BuildManifest read(Path directory) throws IOException {
        return JSON.readValue(directory.resolve(FILE_NAME).toFile(), BuildManifest.class);
    }
}
