package io.github.staticgo.oci;

import io.github.staticgo.FileDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One file, directory or symbolic link in a layer, with its owner and mode; the time is the layer's.
 *
 * @param path relative to the root, without a leading or trailing slash ({@code etc/passwd})
 * @param content the file's bytes; null for a directory or a link
 * @param linkTarget where a symbolic link points; null otherwise
 */
public record LayerEntry(String path, Kind kind, int mode, int uid, int gid, Content content, String linkTarget) {
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK
    }

    /**
     * A file's bytes, in memory or read from a file as the tar is written, so a layer of a large binary or an
     * archive of large blobs never holds them whole.
     */
    public interface Content {
        long size();

        void writeTo(OutputStream out) throws IOException;

        static Content of(byte[] bytes) {
            return new Content() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    out.write(bytes);
                }
            };
        }

        /** The file as it is when the tar is written; its size is taken now. */
        static Content of(Path file) throws IOException {
            return ofFile(file, null);
        }

        /**
         * The file, which must still have the SHA-256 {@code sha256} (hex) when it is read into the tar: what
         * was verified is what the layer holds, even if the file is replaced in between.
         */
        static Content verified(Path file, String sha256) throws IOException {
            return ofFile(file, sha256);
        }

        private static Content ofFile(Path file, String sha256) throws IOException {
            long size = Files.size(file);
            return new Content() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    copy(file, size, out, sha256);
                }
            };
        }

        private static void copy(Path file, long size, OutputStream out, String sha256) throws IOException {
            MessageDigest digest = FileDigest.newSha256();
            long copied;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                copied = in.transferTo(out);
            }
            if (copied != size) {
                throw new IOException(file + " changed while it was written into the image (" + size + " bytes, then "
                        + copied + ")");
            }
            if (sha256 != null && !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                throw new IOException(file + " changed after it was verified (its SHA-256 is no longer " + sha256
                        + "): build and verify it again (mvn verify).");
            }
        }
    }

    public LayerEntry {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("not a relative path: '" + path + "'");
        }
    }

    public static LayerEntry file(String path, int mode, int uid, int gid, byte[] content) {
        return file(path, mode, uid, gid, Content.of(content));
    }

    public static LayerEntry file(String path, int mode, int uid, int gid, Content content) {
        return new LayerEntry(path, Kind.FILE, mode, uid, gid, content, null);
    }

    /** A directory owned by root, 0755, as the parents of every entry are. */
    public static LayerEntry directory(String path) {
        return new LayerEntry(path, Kind.DIRECTORY, 0755, 0, 0, null, null);
    }

    public static LayerEntry symlink(String path, String target) {
        return new LayerEntry(path, Kind.SYMLINK, 0777, 0, 0, null, target);
    }
}
