package io.github.staticgo.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code build.json}: the binaries one build goal run produced, read by the compress and verify goals.
 * Written to a temporary file and renamed, so a reader never sees half of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildManifest(String goVersion, List<BuiltBinary> binaries) {
    public static final String FILE_NAME = "build.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public BuildManifest {
        binaries = List.copyOf(binaries);
    }

    public void write(Path directory) throws IOException {
        AtomicFiles.writeJson(directory.resolve(FILE_NAME), this);
    }

    public static BuildManifest read(Path directory) throws IOException {
        return JSON.readValue(directory.resolve(FILE_NAME).toFile(), BuildManifest.class);
    }
}
