package io.github.staticgo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file this plugin wrote (build.json, an up-to-date record, the file digests) holds something it
 * cannot read back: cut short by a killed run or a full disk, or edited by hand. Readers that can
 * rebuild what it held treat it as absent; the others name it and say how to write it anew.
 */
public final class UnreadableFileException extends IOException {
    private final Path file;

    public UnreadableFileException(Path file, String reason, Throwable cause) {
        super(file + " cannot be read: " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
