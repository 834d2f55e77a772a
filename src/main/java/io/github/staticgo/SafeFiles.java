package io.github.staticgo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Files written so that no reader ever sees half of one, and scratch directories removed whole. */
public final class SafeFiles {
    /** What is written into the temporary file, which does not exist yet. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private SafeFiles() {}

    /**
     * Writes {@code file} through a temporary file beside it and a rename, so a reader sees either the
     * old file or the whole new one; the temporary file is gone afterwards, whatever happened.
     */
    public static void replace(Path file, Content content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Unique per writer, and created with the user's usual permissions (createTempFile would make it 0600).
        Path temporary = directory.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            content.writeTo(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies {@code from} over {@code to} that way, with its attributes; {@code modified}, when not null, becomes its time. */
    public static void copy(Path from, Path to, FileTime modified) throws IOException {
        replace(to, temporary -> {
            Files.copy(from, temporary, StandardCopyOption.COPY_ATTRIBUTES);
            if (modified != null) {
                Files.setLastModifiedTime(temporary, modified);
            }
        });
    }

    /** Removes a directory and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
