package io.github.staticgo.manifest;

import io.github.staticgo.BuildLog;
import io.github.staticgo.SafeFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One writer at a time per output directory: a build and a compress of the same project, started at
 * once (two terminals, two CI jobs on one workspace), take turns, so build.json always describes the
 * files beside it. The lock is {@code <outputDirectory>.lock}, a file beside the directory (not in it,
 * so nothing in the directory is a leftover), held with an OS file lock that ends with the process.
 */
public final class OutputLock implements AutoCloseable {
    /** go builds into a scratch directory of this name beside the binaries (GoBuilder). */
    public static final String BUILDING_PREFIX = ".building-";
    /** UPX packs into a scratch directory of this name beside the binaries (UpxPacker). */
    public static final String PACKING_PREFIX = ".packing-";

    /**
     * The OS lock belongs to the whole JVM, so threads of one JVM (mvn -T over modules that share an
     * output directory) take turns here first: a second FileChannel.lock in the same JVM would fail.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path directory;
    private final BuildLog log;
    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private OutputLock(Path directory, BuildLog log, ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.directory = directory;
        this.log = log;
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits, saying so once, until no other build or compress writes into {@code outputDirectory}. */
    public static OutputLock acquire(Path outputDirectory, BuildLog log) throws IOException {
        return acquire(outputDirectory, "another build of this output directory to finish", log);
    }

    /**
     * Waits until no other holder writes {@code directory}, saying once "Waiting for {@code waitingFor}":
     * the same lock for any directory that one writer at a time may fill (the toolchain cache's too).
     */
    public static OutputLock acquire(Path outputDirectory, String waitingFor, BuildLog log) throws IOException {
        Path directory = outputDirectory.toAbsolutePath().normalize();
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        Files.createDirectories(lockFile.getParent()); // a compress may run before any build made target/
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(lockFile, file -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            waiting(log, waitingFor, lockFile);
            threadLock.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                waiting(log, waitingFor, lockFile);
                fileLock = channel.lock();
            }
            return new OutputLock(directory, log, threadLock, channel, fileLock);
        } catch (IOException e) {
            release(channel, threadLock);
            throw new IOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(channel, threadLock);
            throw e;
        }
    }

    private static void release(FileChannel channel, ReentrantLock threadLock) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            threadLock.unlock();
        }
    }

    private static void waiting(BuildLog log, String waitingFor, Path lockFile) {
        log.info("Waiting for " + waitingFor + " (it holds " + lockFile + ")");
    }

    /**
     * Removes what a killed run left in the output directory: go's and UPX's scratch directories and
     * half-written files. Only a holder of the lock may, so no live run's scratch is touched.
     */
    public void sweepScratch() throws IOException {
        List<Path> stale;
        try (Stream<Path> entries = Files.list(directory)) {
            stale = entries.filter(entry -> {
                        String name = entry.getFileName().toString();
                        return name.startsWith(BUILDING_PREFIX)
                                || name.startsWith(PACKING_PREFIX)
                                || name.startsWith(".") && name.endsWith(".part");
                    })
                    .toList();
        }
        for (Path entry : stale) {
            log.info("Removing " + entry.getFileName() + ", left by a build that did not finish");
            SafeFiles.deleteTree(entry);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
