package io.github.staticgo.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs external commands the one way this plugin allows: an argument list, the exact environment of
 * the {@link ProcessSpec}, both streams drained concurrently, a timeout, and the whole process tree
 * killed on timeout, on interruption and when the JVM (Maven) shuts down.
 */
public final class ProcessRunner {
    private static final int TAIL_LINES = 60;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final int maxLineChars;
    private final int maxStdoutLines;

    /** Keeps every line whole and all of stdout: for tools whose output is trusted (go, gcc). */
    public ProcessRunner() {
        this(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    private ProcessRunner(int maxLineChars, int maxStdoutLines) {
        this.maxLineChars = maxLineChars;
        this.maxStdoutLines = maxStdoutLines;
    }

    /**
     * A runner for programs whose output is not trusted (a binary under test that may print without end):
     * lines are cut at {@code maxLineChars} and only the first {@code maxStdoutLines} stdout lines are kept,
     * so memory stays bounded whatever the program prints.
     */
    public static ProcessRunner bounded(int maxLineChars, int maxStdoutLines) {
        return new ProcessRunner(maxLineChars, maxStdoutLines);
    }

    /** Runs a command and returns how it ended; {@code onLine} sees every output line as it arrives. */
    public ProcessResult run(ProcessSpec spec, Consumer<OutputLine> onLine) throws ProcessFailedException {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);

        long start = System.nanoTime();
        // The hook is in place before the process starts, and waits for start() to return: a SIGTERM
        // while the JVM forks would otherwise end it without killing the new process tree.
        AtomicReference<Process> started = new AtomicReference<>();
        CountDownLatch startReturned = new CountDownLatch(1);
        Thread killOnExit = new Thread(() -> {
            try {
                startReturned.await(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Process running = started.get();
            if (running != null) {
                killTree(running);
            }
        }, "static-go-kill-" + spec.command().get(0));
        try {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            throw new ProcessFailedException("not starting " + spec.command().get(0) + ": the JVM is shutting down", e);
        }
        Process process;
        try {
            process = builder.start();
            started.set(process);
        } catch (IOException e) {
            removeHook(killOnExit);
            throw new ProcessFailedException("cannot start " + spec.command().get(0) + ": " + e.getMessage(), e);
        } finally {
            startReturned.countDown();
        }
        try {
            process.getOutputStream().close();
            Output output = new Output(maxStdoutLines);
            Thread out = drain(process.getInputStream(), false, output, onLine);
            Thread err = drain(process.getErrorStream(), true, output, onLine);
            if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                // The streams end with the process: let the readers hand over what they hold (a line
                // cut short is only complete at its end) before the output is reported.
                out.join(KILL_GRACE.toMillis());
                err.join(KILL_GRACE.toMillis());
                throw new ProcessTimedOutException(spec.command().get(0) + " did not finish within "
                        + spec.timeout().toSeconds() + " s and was killed. Last output:" + System.lineSeparator()
                        + output.tailText(), output.tail(), spec.timeout());
            }
            out.join();
            err.join();
            return output.result(process.exitValue(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ProcessFailedException(spec.command().get(0) + " was interrupted and killed", e);
        } catch (ProcessFailedException e) {
            throw e; // the timeout, already handled: not to be wrapped as a broken pipe below
        } catch (IOException e) {
            killTree(process);
            throw new ProcessFailedException("cannot talk to " + spec.command().get(0) + ": " + e.getMessage(), e);
        } finally {
            removeHook(killOnExit);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the killing.
        }
    }

    /** Children first, so a compiler started by go does not outlive it. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread drain(InputStream stream, boolean stderr, Output output, Consumer<OutputLine> onLine) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                LineReader lines = new LineReader(reader, maxLineChars);
                String line;
                while ((line = lines.next()) != null) {
                    OutputLine outputLine = new OutputLine(line, stderr);
                    output.add(outputLine);
                    onLine.accept(outputLine);
                }
            } catch (IOException e) {
                // The stream closes when the process is killed; what was read so far is kept.
                output.add(new OutputLine("(output stream closed: " + e.getMessage() + ")", true));
            }
        }, "static-go-" + (stderr ? "stderr" : "stdout"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Lines as {@link BufferedReader#readLine()} reads them, but never longer than {@code maxLineChars}:
     * a longer line is handed over as soon as it reaches the limit, marked as cut, and the rest of it is
     * skipped, so even a line that never ends is seen while the program still runs.
     */
    private static final class LineReader {
        private final BufferedReader reader;
        private final int maxLineChars;
        private boolean skippingRestOfLine;

        LineReader(BufferedReader reader, int maxLineChars) {
            this.reader = reader;
            this.maxLineChars = maxLineChars;
        }

        String next() throws IOException {
            if (maxLineChars == Integer.MAX_VALUE) {
                return reader.readLine();
            }
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        reader.mark(1);
                        if (reader.read() != '\n') {
                            reader.reset();
                        }
                    }
                    if (skippingRestOfLine) {
                        skippingRestOfLine = false;
                        continue;
                    }
                    return line.toString();
                }
                if (skippingRestOfLine) {
                    continue;
                }
                if (line.length() == maxLineChars) { // a character beyond the limit: the line is cut here
                    skippingRestOfLine = true;
                    return line.append(" [line cut]").toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }
    }

    /** One line a command printed, and on which stream. */
    public record OutputLine(String text, boolean stderr) {}

    private static final class Output {
        private final Deque<String> tail = new ArrayDeque<>();
        private final List<String> stdout = new ArrayList<>();
        private final int maxStdoutLines;

        Output(int maxStdoutLines) {
            this.maxStdoutLines = maxStdoutLines;
        }

        synchronized void add(OutputLine line) {
            if (!line.stderr() && stdout.size() < maxStdoutLines) {
                stdout.add(line.text());
            }
            tail.addLast(line.text());
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }

        synchronized List<String> tail() {
            return new ArrayList<>(tail);
        }

        synchronized String tailText() {
            return String.join(System.lineSeparator(), tail);
        }

        synchronized ProcessResult result(int exitCode, Duration elapsed) {
            return new ProcessResult(exitCode, new ArrayList<>(tail), stdout, elapsed);
        }
    }
}
