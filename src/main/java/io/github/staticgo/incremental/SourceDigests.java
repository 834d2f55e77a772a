package io.github.staticgo.incremental;

import io.github.staticgo.BuildLog;
import io.github.staticgo.FileDigest;
import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content digests of the files a go build can read. A file whose size and modification time are what
 * they were last time keeps its recorded digest, so a no-change build reads no file contents.
 */
public final class SourceDigests {
    /** Version-control metadata: go build never reads it (buildVcs asks git, and buildVcs is in the fingerprint). */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", ".bzr", ".jj");

    private static final String FILE_NAME = "file-digests.json";

    private final Path cacheFile;
    private final Map<String, CachedDigest> cache;
    private volatile boolean changed;

    private record CachedDigest(long size, long modified, String sha256) {}

    private SourceDigests(Path cacheFile, Map<String, CachedDigest> cache) {
        this.cacheFile = cacheFile;
        this.cache = cache;
    }

    /**
     * Loads the digests the last run recorded in {@code stateDirectory}; a missing record starts empty, and
     * so does an unreadable one, with a warning: it is only a speed-up, every file is read once more.
     */
    public static SourceDigests load(Path stateDirectory, BuildLog log) {
        Path cacheFile = stateDirectory.resolve(FILE_NAME);
        Map<String, CachedDigest> cache = new ConcurrentHashMap<>();
        if (Files.isRegularFile(cacheFile)) {
            try {
                cache.putAll(Json.readMap(Files.readString(cacheFile), CachedDigest.class));
            } catch (IOException unreadable) {
                log.warn(cacheFile + " cannot be read (" + unreadable.getMessage() + "): every input file is read "
                        + "again and the record written anew.");
            }
        }
        return new SourceDigests(cacheFile, cache);
    }

    /** Records the digests for the next run, when this run had to read any file. */
    public void save() throws IOException {
        if (changed) {
            Json.writeFile(cacheFile, cache);
        }
    }

    /**
     * One digest of every file below {@code root} (relative names and contents), leaving out VCS
     * folders, {@code excluded} directories and {@code _test.go} files, which go build never compiles.
     */
    String tree(Path root, Set<Path> excluded) throws IOException {
        if (!Files.isDirectory(root)) {
            return "absent";
        }
        List<String> lines = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))
                        || excluded.contains(dir.toAbsolutePath().normalize());
                return skip && !dir.equals(root) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw new IOException(
                        "cannot read the build input " + file + " (" + e.getMessage()
                                + "): make it readable, or move it out of the module",
                        e);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !file.getFileName().toString().endsWith("_test.go")) {
                    lines.add(root.relativize(file).toString().replace('\\', '/') + " " + file(file, attrs));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        lines.sort(null);
        return sha256(String.join("\n", lines));
    }

    /** The digest of one file, or "absent". */
    String file(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "absent";
        }
        return file(file, Files.readAttributes(file, BasicFileAttributes.class));
    }

    private String file(Path file, BasicFileAttributes attrs) throws IOException {
        String key = file.toAbsolutePath().normalize().toString();
        long modified = attrs.lastModifiedTime().toMillis();
        CachedDigest cached = cache.get(key);
        if (cached != null && cached.size() == attrs.size() && cached.modified() == modified) {
            return cached.sha256();
        }
        String digest = FileDigest.sha256(file);
        cache.put(key, new CachedDigest(attrs.size(), modified, digest));
        changed = true;
        return digest;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
