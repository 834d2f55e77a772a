package io.github.staticgo.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs external commands the one way this plugin allows: an argument list, the exact environment of
 * the {@link ProcessSpec}, both streams drained concurrently, and a timeout that bounds the whole
 * tree and its output: when the command ends or its time is up, every process it started is killed
 * and reading its output stops within {@link #OUTPUT_GRACE}, whatever still holds it open. The tree
 * is also killed on interruption, when the JVM (Maven) shuts down, and, where {@link Containment}
 * allows, when the JVM is killed outright.
 */
public final class ProcessRunner {
    private static final int TAIL_LINES = 60;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    /** How long output may still arrive after the command ended: the readers hand over their last lines. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final int maxLineChars;
    private final int maxStdoutLines;
    private final Supplier<Containment> containment;

    /** Keeps every line whole and all of stdout: for tools whose output is trusted (go, gcc). */
    public ProcessRunner() {
        this(Integer.MAX_VALUE, Integer.MAX_VALUE, Containment::ofThisMachine);
    }

    /** A runner that holds trees together as {@code containment} says, for the probe and for tests of each variant. */
    ProcessRunner(Containment containment) {
        this(Integer.MAX_VALUE, Integer.MAX_VALUE, () -> containment);
    }

    private ProcessRunner(int maxLineChars, int maxStdoutLines, Supplier<Containment> containment) {
        this.maxLineChars = maxLineChars;
        this.maxStdoutLines = maxStdoutLines;
        this.containment = containment;
    }

    /**
     * A runner for programs whose output is not trusted (a binary under test that may print without end):
     * lines are cut at {@code maxLineChars} and only the first {@code maxStdoutLines} stdout lines are kept,
     * so memory stays bounded whatever the program prints.
     */
    public static ProcessRunner bounded(int maxLineChars, int maxStdoutLines) {
        return new ProcessRunner(maxLineChars, maxStdoutLines, Containment::ofThisMachine);
    }

    /** How this machine holds process trees together, for a DEBUG line: found once per JVM by trying. */
    public static String containmentDescription() {
        return Containment.ofThisMachine().description();
    }

    /** Runs a command and returns how it ended; {@code onLine} sees every output line as it arrives. */
    public ProcessResult run(ProcessSpec spec, Consumer<OutputLine> onLine) throws ProcessFailedException {
        String program = spec.command().get(0);
        Path executable = executable(program, spec.workingDirectory())
                .orElseThrow(() -> new ProcessFailedException(
                        "cannot start " + program + ": there is no executable file of that name"));
        List<String> command = new ArrayList<>(spec.command());
        command.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(containment.get().wrap(command))
                .directory(spec.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);

        long start = System.nanoTime();
        // The hook is in place before the process starts, and waits for start() to return: a SIGTERM
        // while the JVM forks would otherwise end it without killing the new process tree.
        AtomicReference<Process> started = new AtomicReference<>();
        CountDownLatch startReturned = new CountDownLatch(1);
        Thread killOnExit = new Thread(
                () -> {
                    try {
                        startReturned.await(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Process running = started.get();
                    if (running != null) {
                        killTree(running);
                    }
                },
                "static-go-kill-" + program);
        try {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            throw new ProcessFailedException("not starting " + program + ": the JVM is shutting down", e);
        }
        Process process;
        try {
            process = builder.start();
            started.set(process);
        } catch (IOException e) {
            removeHook(killOnExit);
            throw new ProcessFailedException("cannot start " + program + ": " + e.getMessage(), e);
        } finally {
            startReturned.countDown();
        }
        try {
            Set<String> pipes = outputPipes(process.pid());
            feed(process, spec.stdin());
            Output output = new Output(maxStdoutLines);
            Thread out = drain(process.getInputStream(), false, output, onLine);
            Thread err = drain(process.getErrorStream(), true, output, onLine);
            if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                awaitOutput(program + " was killed", pipes, output, onLine, out, err);
                throw new ProcessTimedOutException(
                        program + " did not finish within " + spec.timeout().toSeconds()
                                + " s and was killed with the processes it started. Last output:"
                                + System.lineSeparator()
                                + output.tailText(),
                        output.tail(),
                        spec.timeout());
            }
            awaitOutput(program + " exited", pipes, output, onLine, out, err);
            return output.result(
                    spec.describe(Map.of()), process.exitValue(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ProcessFailedException(program + " was interrupted and killed", e);
        } catch (ProcessFailedException e) {
            throw e; // the timeout, already handled: not to be wrapped as a broken pipe below
        } catch (IOException e) {
            killTree(process);
            throw new ProcessFailedException("cannot talk to " + program + ": " + e.getMessage(), e);
        } finally {
            removeHook(killOnExit);
        }
    }

    /**
     * The file the JVM would start for {@code program}: a name with a slash as it stands (relative to the
     * working directory the child gets), another on the JVM's PATH. Resolved here because the containment's
     * tools come first on the command line and would otherwise search the child's PATH instead.
     */
    private static Optional<Path> executable(String program, Path workingDirectory) {
        if (program.contains("/")) {
            Path path = workingDirectory.resolve(program);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return Executables.find(program, System.getenv("PATH"));
    }

    /**
     * Waits for the readers to reach the end of both streams. After {@link #OUTPUT_GRACE} something other
     * than the command holds them open, a process it left behind (a {@code setsid} child, a compiler-cache
     * daemon): whatever holds them is killed, found by the pipes' identity in /proc, and a line says so.
     * Readers that still do not end are left behind (they are daemon threads); what they read is kept.
     */
    private static void awaitOutput(
            String ended, Set<String> pipes, Output output, Consumer<OutputLine> onLine, Thread out, Thread err)
            throws InterruptedException {
        if (joined(OUTPUT_GRACE, out, err)) {
            return;
        }
        List<ProcessHandle> holders = holdersOf(pipes);
        holders.forEach(holder -> {
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
        });
        boolean allRead = joined(KILL_GRACE, out, err);
        String pids =
                holders.stream().map(holder -> Long.toString(holder.pid())).collect(Collectors.joining(", "));
        String note = "static-go: " + ended + ", but its output was still held open " + OUTPUT_GRACE.toSeconds()
                + " s later" + (holders.isEmpty() ? "" : " by process " + pids + " it left behind, which was killed")
                + (allRead ? "" : "; the rest of its output is not read");
        OutputLine line = new OutputLine(note, true);
        output.add(line);
        onLine.accept(line);
    }

    private static boolean joined(Duration limit, Thread... readers) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread reader : readers) {
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return Arrays.stream(readers).noneMatch(Thread::isAlive);
    }

    /**
     * The pipes the child writes its output to, as /proc names them ("pipe:[4711]"), read while it runs
     * (from the containment's first tool, which lives as long as the command): empty when it has already
     * ended, or where there is no /proc.
     */
    private static Set<String> outputPipes(long pid) {
        Set<String> pipes = new HashSet<>();
        for (String fd : List.of("1", "2")) {
            try {
                pipes.add(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", fd))
                        .toString());
            } catch (IOException | UnsupportedOperationException gone) {
                // ended already, or no /proc
            }
        }
        return pipes;
    }

    /** Every process but this JVM that has one of {@code pipes} open; the ones this user may look into. */
    private static List<ProcessHandle> holdersOf(Set<String> pipes) {
        if (pipes.isEmpty()) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> holders = new ArrayList<>();
        ProcessHandle.allProcesses().filter(process -> process.pid() != self).forEach(process -> {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
                if (fds.anyMatch(fd -> pipes.contains(linkTarget(fd)))) {
                    holders.add(process);
                }
            } catch (IOException | UncheckedIOException notOurs) {
                // gone, or another user's
            }
        });
        return holders;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException gone) {
            return "";
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the killing.
        }
    }

    /**
     * Children first, so a compiler started by go does not outlive it. In a PID namespace of its own,
     * killing the process the JVM started is enough: the kernel kills the rest.
     */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the command's input and closes it, on a thread of its own: a command that prints before it has read
     * all of its input would otherwise block on a full output pipe while this thread blocks on a full input pipe.
     * A command that ends without reading all of it is no failure of the writing: how it ended says what happened.
     */
    private static void feed(Process process, String stdin) throws IOException {
        if (stdin.isEmpty()) {
            process.getOutputStream().close();
            return;
        }
        Thread writer = new Thread(
                () -> {
                    try (OutputStream input = process.getOutputStream()) {
                        input.write(stdin.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException closedByTheCommand) {
                        // it ended, or closed its input, before reading all of it
                    }
                },
                "static-go-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    private Thread drain(InputStream stream, boolean stderr, Output output, Consumer<OutputLine> onLine) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
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
                },
                "static-go-" + (stderr ? "stderr" : "stdout"));
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
            tail.addLast(ReadableLine.of(line.text()));
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

        synchronized ProcessResult result(String command, int exitCode, Duration elapsed) {
            return new ProcessResult(command, exitCode, new ArrayList<>(tail), stdout, elapsed);
        }
    }
}
