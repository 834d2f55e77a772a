package io.github.staticgo.oci;

/**
 * One file, directory or symbolic link in a layer, with its owner and mode; the time is the layer's.
 *
 * @param path relative to the root, without a leading or trailing slash ({@code etc/passwd})
 * @param content the file's bytes; null for a directory or a link
 * @param linkTarget where a symbolic link points; null otherwise
 */
public record LayerEntry(String path, Kind kind, int mode, int uid, int gid, byte[] content, String linkTarget) {
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK
    }

    public LayerEntry {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("not a relative path: '" + path + "'");
        }
    }

    public static LayerEntry file(String path, int mode, int uid, int gid, byte[] content) {
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
