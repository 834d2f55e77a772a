package io.github.staticgo.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner();

    private static ProcessSpec sh(String script, Path dir, Map<String, String> env, Duration timeout) {
        return new ProcessSpec(List.of("/bin/sh", "-c", script), dir, env, timeout);
    }

    @Test
    void drainsBothStreamsWithoutBlockingOnFullPipes(@TempDir Path dir) throws Exception {
        // 200,000 lines on each stream: far beyond a pipe's buffer, so an undrained stream would hang.
        AtomicInteger stderrLines = new AtomicInteger();
        ProcessResult result = runner.run(sh("i=0; while [ $i -lt 200000 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done",
                dir, Map.of("PATH", "/usr/bin:/bin"), Duration.ofMinutes(2)), line -> {
                    if (line.stderr()) {
                        stderrLines.incrementAndGet();
                    }
                });
        assertEquals(0, result.exitCode());
        assertEquals(200_000, result.stdout().size());
        assertEquals("out199999", result.stdout().get(199_999));
        assertEquals(200_000, stderrLines.get());
    }

    @Test
    void childSeesExactlyTheGivenEnvironment(@TempDir Path dir) throws Exception {
        ProcessResult result = runner.run(new ProcessSpec(List.of("/usr/bin/env"), dir,
                Map.of("ONLY_THIS", "a b $(c)"), Duration.ofSeconds(30)), line -> {});
        assertEquals(List.of("ONLY_THIS=a b $(c)"), result.stdout());
    }

    @Test
    void argumentsReachTheChildUnchanged(@TempDir Path dir) throws Exception {
        String tricky = "-X 'main.v=$(touch pwned)' \"q\" ; `id`";
        ProcessResult result = runner.run(new ProcessSpec(List.of("/usr/bin/printf", "%s", tricky), dir, Map.of(),
                Duration.ofSeconds(30)), line -> {});
        assertEquals(List.of(tricky), result.stdout());
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void timeoutKillsTheChildAndItsChildren(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        ProcessSpec spec = sh("sleep 300 & echo $! > " + pidFile + "; wait", dir, Map.of("PATH", "/usr/bin:/bin"),
                Duration.ofSeconds(2));
        ProcessFailedException failure = assertThrows(ProcessFailedException.class, () -> runner.run(spec, line -> {}));
        assertTrue(failure.getMessage().contains("did not finish within 2 s"), failure.getMessage());
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(deadWithin(grandchild, Duration.ofSeconds(5)), "sleep survived");
    }

    /** Gone, or a zombie waiting for init to reap it: /proc/PID/stat's state field is Z (proc(5)). */
    static boolean deadWithin(long pid, Duration limit) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(stat)) {
                return true;
            }
            String text = Files.readString(stat);
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void reportsTheExitCodeAndTheTailOfTheOutput(@TempDir Path dir) throws Exception {
        ProcessResult result = runner.run(sh("i=0; while [ $i -lt 100 ]; do echo line$i >&2; i=$((i+1)); done; exit 3",
                dir, Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(30)), line -> {});
        assertEquals(3, result.exitCode());
        assertEquals(60, result.outputTail().size());
        assertEquals("line99", result.outputTail().get(59));
    }

    @Test
    void aMissingProgramIsAClearFailure(@TempDir Path dir) {
        ProcessFailedException failure = assertThrows(ProcessFailedException.class, () -> runner.run(
                new ProcessSpec(List.of(dir.resolve("no-such-go").toString()), dir, Map.of(), Duration.ofSeconds(5)),
                line -> {}));
        assertTrue(failure.getMessage().startsWith("cannot start " + dir.resolve("no-such-go")), failure.getMessage());
    }
}
