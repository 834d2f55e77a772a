package io.github.staticgo.build;

import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code build.json}: the binaries one build goal run produced, read by the compress and verify goals.
 * Written to a temporary file and renamed, so a reader never sees half of it.
 */
public record BuildManifest(String goVersion, List<BuiltBinary> binaries) {
    public static final String FILE_NAME = "build.json";

    public BuildManifest {
        binaries = List.copyOf(binaries);
    }

    public void write(Path directory) throws IOException {
        Json.writeFile(directory.resolve(FILE_NAME), this);
    }

    public static BuildManifest read(Path directory) throws IOException {
        return Json.readFile(directory.resolve(FILE_NAME), BuildManifest.class);
    }
}
