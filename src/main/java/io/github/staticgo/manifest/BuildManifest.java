package io.github.staticgo.manifest;

import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code build.json}: the binaries the build executions of a project produced, read by the compress and
 * verify goals. Written to a temporary file and renamed, so a reader never sees half of it.
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

    /** The manifest in {@code directory}, or empty when there is none. */
    public static Optional<BuildManifest> readIfPresent(Path directory) throws IOException {
        return Files.isRegularFile(directory.resolve(FILE_NAME)) ? Optional.of(read(directory)) : Optional.empty();
    }

    /**
     * This manifest, one execution's binaries, added to {@code earlier}: every earlier entry of the same
     * execution goes (a target removed from it leaves no stale entry), and so does any earlier entry for
     * one of the same files; the binaries of other executions stay, so verify checks them all.
     */
    public BuildManifest mergedInto(Optional<BuildManifest> earlier, String execution) {
        if (earlier.isEmpty()) {
            return this;
        }
        Set<String> files = new HashSet<>();
        binaries.forEach(binary -> files.add(binary.file()));
        List<BuiltBinary> merged = new ArrayList<>();
        for (BuiltBinary binary : earlier.get().binaries()) {
            // An entry without an execution predates them: its execution is unknown, so it is not kept.
            if (binary.execution() != null && !binary.execution().equals(execution) && !files.contains(binary.file())) {
                merged.add(binary);
            }
        }
        merged.addAll(binaries);
        return new BuildManifest(goVersion, merged);
    }
}
