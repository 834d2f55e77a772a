package io.github.staticgo.incremental;

import io.github.staticgo.BuildLog;
import io.github.staticgo.FileDigest;
import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content digests of the files a go build can read. A file whose size and modification time are what
 * they were last time keeps its recorded digest, so a no-change build reads no file contents.
 */
public final class SourceDigests {
    private static final String FILE_NAME = "file-digests.json";

    private final Path cacheFile;
    private final Map<String, CachedDigest> cache;
    private final WatchedFiles watched;
    private volatile boolean changed;

    private record CachedDigest(long size, long modified, String sha256) {}

    private SourceDigests(Path cacheFile, Map<String, CachedDigest> cache, WatchedFiles watched) {
        this.cacheFile = cacheFile;
        this.cache = cache;
        this.watched = watched;
    }

    /**
     * Loads the digests the last run recorded in {@code stateDirectory}; a missing record starts empty, and
     * so does an unreadable one, with a warning: it is only a speed-up, every file is read once more.
     *
     * @param watched where every file and package directory looked at is stamped, before it is read
     */
    public static SourceDigests load(Path stateDirectory, BuildLog log, WatchedFiles watched) {
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
        return new SourceDigests(cacheFile, cache, watched);
    }

    /** Records the digests for the next run, when this run had to read any file. */
    public void save() throws IOException {
        if (changed) {
            Json.writeFile(cacheFile, cache);
        }
    }

    /** The digest of one file, or "absent". */
    String file(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            watched.stamp(file);
            return "absent";
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        watched.saw(file, attributes);
        return file(file, attributes);
    }

    WatchedFiles watched() {
        return watched;
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
}
