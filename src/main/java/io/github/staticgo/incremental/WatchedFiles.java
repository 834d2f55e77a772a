package io.github.staticgo.incremental;

import io.github.staticgo.FileStamp;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files and directories one build run decided from, each with its stamp as the run first saw it,
 * before reading it: a later run that finds every stamp the same would decide the same, so it need not
 * decide again ({@link RunRecord}). A run that built, restored or re-listed anything says so, and is then
 * not kept: the next run looks again.
 */
public final class WatchedFiles {
    private final Map<String, String> stamps = new ConcurrentHashMap<>();
    private volatile String notKept;

    /** Stamps {@code file} (or directory) now, before the caller reads it. */
    public String stamp(Path file) {
        String stamp = FileStamp.of(file);
        saw(file, stamp);
        return stamp;
    }

    /** A file or directory whose attributes the caller read: a directory walk's. */
    public void saw(Path file, BasicFileAttributes attributes) {
        saw(file, FileStamp.of(attributes));
    }

    private void saw(Path file, String stamp) {
        // The first stamp wins: a change after it is what the next run must notice.
        stamps.putIfAbsent(file.toAbsolutePath().normalize().toString(), stamp);
    }

    /** This run changed what it decided from, or decided from something no stamp covers. */
    public void notKept(String reason) {
        if (notKept == null) {
            notKept = reason;
        }
    }

    /** Why this run's decisions cannot be kept, or null when they can. */
    String notKeptReason() {
        return notKept;
    }

    Map<String, String> stamps() {
        return new TreeMap<>(stamps);
    }
}
