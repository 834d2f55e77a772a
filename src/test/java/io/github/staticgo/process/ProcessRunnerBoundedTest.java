package io.github.staticgo.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner for untrusted output (the smoke run's binaries) and the timeout that carries the output. */
class ProcessRunnerBoundedTest {
    private static ProcessSpec sh(String script, Path dir, Duration timeout) {
        return new ProcessSpec(List.of("/bin/sh", "-c", script), dir, Map.of("PATH", "/usr/bin:/bin"), timeout);
    }

    @Test
    void longLinesAreCutAndStdoutIsCapped(@TempDir Path dir) throws Exception {
        ProcessResult result = ProcessRunner.bounded(10, 3)
                .run(
                        sh(
                                "printf 'abcdefghijklmnopqrstuvwxyz\\r\\n'; i=0; while [ $i -lt 10 ]; do echo $i; i=$((i+1)); done",
                                dir,
                                Duration.ofSeconds(30)),
                        line -> {});
        assertEquals(List.of("abcdefghij [line cut]", "0", "1"), result.stdout());
        assertEquals("9", result.outputTail().get(result.outputTail().size() - 1), "the tail still sees the end");
    }

    @Test
    void aTimeoutIsItsOwnExceptionWithTheOutputSoFar(@TempDir Path dir) {
        ProcessTimedOutException timeout = assertThrows(
                ProcessTimedOutException.class,
                () -> new ProcessRunner().run(sh("echo started; sleep 300", dir, Duration.ofSeconds(1)), line -> {}));
        assertEquals("started", timeout.outputTail().get(0));
        assertEquals(Duration.ofSeconds(1), timeout.timeout());
        assertFalse(
                timeout.getMessage().startsWith("cannot talk to"),
                "not wrapped as a broken pipe: " + timeout.getMessage());
        assertTrue(timeout.getMessage().contains("did not finish within 1 s"), timeout.getMessage());
    }
}
