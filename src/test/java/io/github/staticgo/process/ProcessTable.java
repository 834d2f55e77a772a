package io.github.staticgo.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The machine's processes as this JVM sees them, from outside any PID namespace the runner puts a command
 * in: a program inside knows only its PID there, so tests find it by what its command line holds.
 */
public final class ProcessTable {
    private ProcessTable() {}

    /** Live processes with {@code text} in one of their arguments (argv[0] included). */
    public static List<Long> withArgumentContaining(String text) {
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::pid)
                .filter(pid -> {
                    try {
                        String cmdline = new String(
                                Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                                StandardCharsets.UTF_8);
                        return List.of(cmdline.split("\0")).stream().anyMatch(argument -> argument.contains(text));
                    } catch (IOException gone) {
                        return false;
                    }
                })
                .toList();
    }

    /** Gone, or a zombie waiting for its parent to reap it: /proc/PID/stat's state field is Z (proc(5)). */
    public static boolean deadWithin(long pid, Duration limit) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (IOException gone) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** A link to sleep whose path is unique to the test: its processes are found by it. */
    public static Path sleeper(Path dir) throws Exception {
        return Files.createSymbolicLink(dir.resolve("sleeper"), Path.of("/bin/sleep"));
    }

    public static void assertAllDead(Set<Long> pids) throws Exception {
        org.junit.jupiter.api.Assertions.assertFalse(pids.isEmpty(), "the hostile child was never seen");
        for (long pid : pids) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    deadWithin(pid, Duration.ofSeconds(5)), "process " + pid + " survived");
        }
    }

    /** Every process with {@code text} in an argument seen while it runs, looked for every 20 ms. */
    public static final class Watch implements AutoCloseable {
        private final Set<Long> seen = new ConcurrentSkipListSet<>();
        private final Thread watcher;

        public Watch(String text) {
            watcher = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            seen.addAll(withArgumentContaining(text));
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "process-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        public Set<Long> seen() {
            return Set.copyOf(seen);
        }

        @Override
        public void close() throws InterruptedException {
            watcher.interrupt();
            watcher.join();
        }
    }
}
