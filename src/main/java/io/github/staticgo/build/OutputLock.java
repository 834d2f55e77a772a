package io.github.staticgo.build;

import io.github.staticgo.BuildLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time per output directory: a build and a compress of the same project, started at
 * once (two terminals, two CI jobs on one workspace), take turns, so build.json always describes the
 * files beside it. The lock is {@code <outputDirectory>.lock}, a file beside the directory (not in it,
 * so nothing in the directory is a leftover), held with an OS file lock that ends with the process.
 */
public final class OutputLock implements AutoCloseable {
    /**
     * The OS lock belongs to the whole JVM, so threads of one JVM (mvn -T over modules that share an
     * output directory) take turns here first: a second FileChannel.lock in the same JVM would fail.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private OutputLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits, saying so once, until no other build or compress writes into {@code outputDirectory}. */
    public static OutputLock acquire(Path outputDirectory, BuildLog log) throws IOException {
        Path directory = outputDirectory.toAbsolutePath().normalize();
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(lockFile, file -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            waiting(log, lockFile);
            threadLock.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                waiting(log, lockFile);
                fileLock = channel.lock();
            }
            return new OutputLock(threadLock, channel, fileLock);
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

    private static void waiting(BuildLog log, Path lockFile) {
        log.info("Waiting for another build of this output directory to finish (it holds " + lockFile + ")");
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
