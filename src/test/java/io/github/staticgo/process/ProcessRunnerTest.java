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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner();

    private static ProcessSpec sh(String script, Path dir, Map<String, String> env, Duration timeout) {
        return new ProcessSpec(List.of("/bin/sh", "-c", script), dir, env, timeout);
    }

    @Test
    void drainsBothStreamsWithoutBlockingOnFullPipes(@TempDir Path dir) throws Exception {
        // 200,000 lines on each stream: far beyond a pipe's buffer, so an undrained stream would hang.
        AtomicInteger stderrLines = new AtomicInteger();
        ProcessResult result = runner.run(
                sh(
                        "i=0; while [ $i -lt 200000 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done",
                        dir,
                        Map.of("PATH", "/usr/bin:/bin"),
                        Duration.ofMinutes(2)),
                line -> {
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
        ProcessResult result = runner.run(
                new ProcessSpec(List.of("/usr/bin/env"), dir, Map.of("ONLY_THIS", "a b $(c)"), Duration.ofSeconds(30)),
                line -> {});
        assertEquals(List.of("ONLY_THIS=a b $(c)"), result.stdout());
    }

    @Test
    void argumentsReachTheChildUnchanged(@TempDir Path dir) throws Exception {
        String tricky = "-X 'main.v=$(touch pwned)' \"q\" ; `id`";
        ProcessResult result = runner.run(
                new ProcessSpec(List.of("/usr/bin/printf", "%s", tricky), dir, Map.of(), Duration.ofSeconds(30)),
                line -> {});
        assertEquals(List.of(tricky), result.stdout());
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void timeoutKillsTheChildAndItsChildren(@TempDir Path dir) throws Exception {
        Path sleeper = ProcessTable.sleeper(dir);
        ProcessSpec spec = sh(sleeper + " 300 & wait", dir, Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(2));
        try (ProcessTable.Watch watch = new ProcessTable.Watch(sleeper.toString())) {
            ProcessFailedException failure =
                    assertThrows(ProcessFailedException.class, () -> runner.run(spec, line -> {}));
            assertTrue(failure.getMessage().contains("did not finish within 2 s"), failure.getMessage());
            ProcessTable.assertAllDead(watch.seen());
        }
    }

    /** Every way of holding trees together this machine allows, and none at all. */
    static Stream<Containment> containments() {
        return Stream.concat(
                Containment.candidates().stream().filter(c -> c.refusal().isEmpty()),
                Stream.of(Containment.none("test")));
    }

    /**
     * A program that exits but leaves a {@code setsid} child holding its stdout and stderr: the run ends
     * within the grace period after the exit, not when the child does, and the child is killed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("containments")
    void aSetsidChildHoldingTheOutputIsKilledWhenTheCommandExits(Containment containment, @TempDir Path dir)
            throws Exception {
        Path sleeper = ProcessTable.sleeper(dir);
        ProcessSpec spec = sh(
                "setsid " + sleeper + " 300 & echo started; sleep 1; echo done; exit 3",
                dir,
                Map.of("PATH", "/usr/bin:/bin"),
                Duration.ofSeconds(60));
        try (ProcessTable.Watch watch = new ProcessTable.Watch(sleeper.toString())) {
            long start = System.nanoTime();
            ProcessResult result = new ProcessRunner(containment).run(spec, line -> {});
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(1 + 10)) < 0, "took " + took);
            assertEquals(3, result.exitCode());
            assertEquals(List.of("started", "done"), result.stdout());
            ProcessTable.assertAllDead(watch.seen());
            if (!containment.ownPidNamespace()) {
                assertTrue(
                        result.outputTailText()
                                .contains("sh exited, but its output was still held open 2 s later by " + "process"),
                        result.outputTailText());
            }
        }
    }

    /** The same child of a program that hangs: the run ends at the timeout plus the grace period. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("containments")
    void aSetsidChildDoesNotStretchTheTimeout(Containment containment, @TempDir Path dir) throws Exception {
        Path sleeper = ProcessTable.sleeper(dir);
        ProcessSpec spec = sh(
                "setsid " + sleeper + " 300 & echo started; sleep 300",
                dir,
                Map.of("PATH", "/usr/bin:/bin"),
                Duration.ofSeconds(2));
        try (ProcessTable.Watch watch = new ProcessTable.Watch(sleeper.toString())) {
            long start = System.nanoTime();
            ProcessTimedOutException timeout = assertThrows(
                    ProcessTimedOutException.class, () -> new ProcessRunner(containment).run(spec, line -> {}));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2 + 10)) < 0, "took " + took);
            assertTrue(timeout.getMessage().contains("did not finish within 2 s and was killed"), timeout.getMessage());
            assertEquals("started", timeout.outputTail().get(0));
            ProcessTable.assertAllDead(watch.seen());
        }
    }

    @Test
    void reportsTheExitCodeAndTheTailOfTheOutput(@TempDir Path dir) throws Exception {
        ProcessResult result = runner.run(
                sh(
                        "i=0; while [ $i -lt 100 ]; do echo line$i >&2; i=$((i+1)); done; exit 3",
                        dir,
                        Map.of("PATH", "/usr/bin:/bin"),
                        Duration.ofSeconds(30)),
                line -> {});
        assertEquals(3, result.exitCode());
        assertEquals(60, result.outputTail().size());
        assertEquals("line99", result.outputTail().get(59));
    }

    @Test
    void aMissingProgramIsAClearFailure(@TempDir Path dir) {
        ProcessFailedException failure = assertThrows(
                ProcessFailedException.class,
                () -> runner.run(
                        new ProcessSpec(
                                List.of(dir.resolve("no-such-go").toString()), dir, Map.of(), Duration.ofSeconds(5)),
                        line -> {}));
        assertTrue(failure.getMessage().startsWith("cannot start " + dir.resolve("no-such-go")), failure.getMessage());
    }

    @Test
    void theCommandReadsItsInputAndTheInputIsNotShown(@TempDir Path dir) throws Exception {
        ProcessSpec spec = new ProcessSpec(
                List.of("/bin/cat"), dir, Map.of(), Duration.ofSeconds(30), "127.0.0.1:5000\nsecond line");
        ProcessResult result = runner.run(spec, line -> {});
        assertEquals(List.of("127.0.0.1:5000", "second line"), result.stdout());
        assertEquals("/bin/cat", result.command());
    }

    @Test
    void anInputLargerThanAPipeIsWrittenWhileTheOutputIsRead(@TempDir Path dir) throws Exception {
        // cat prints as it reads: 4 MB through both pipes (64 KiB each) at once, which a writer that waits for the
        // end of its input before anyone reads the output would deadlock on.
        String input = "x".repeat(1023).concat("\n").repeat(4096);
        ProcessResult result = runner.run(
                new ProcessSpec(List.of("/bin/cat"), dir, Map.of(), Duration.ofSeconds(60), input), line -> {});
        assertEquals(0, result.exitCode());
        assertEquals(4096, result.stdout().size());
    }

    @Test
    void aCommandThatReadsNoneOfItsInputEndsAsItEnds(@TempDir Path dir) throws Exception {
        ProcessResult result = runner.run(
                new ProcessSpec(
                        List.of("/bin/sh", "-c", "exit 4"),
                        dir,
                        Map.of(),
                        Duration.ofSeconds(30),
                        "y\n".repeat(1 << 20)),
                line -> {});
        assertEquals(4, result.exitCode());
    }
}
