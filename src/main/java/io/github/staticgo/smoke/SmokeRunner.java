package io.github.staticgo.smoke;

import io.github.staticgo.SafeFiles;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Linkage;
import io.github.staticgo.binary.MalformedBinaryException;
import io.github.staticgo.platform.Emulation;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.platform.QemuUser;
import io.github.staticgo.process.CommandLine;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.ProcessTimedOutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one Linux binary in a fresh empty root, natively or under an emulator, and judges how it ended.
 * The root is a new directory holding a copy of the binary (and of a static emulator); it is removed
 * afterwards. The binary gets an empty environment, no input, and is killed with every process it started
 * at the timeout; in a PID namespace, they also end when it ends.
 */
final class SmokeRunner {
    /** Lines the output pattern is matched against. */
    private static final int MATCHED_LINES = 200;

    private static final int MAX_LINE_CHARS = 400;

    private final HostPlatform host;
    private final String pathValue;
    private final Path workDirectory;
    private final Supplier<EmptyRoot> emptyRoot;
    private final ProcessRunner runner = ProcessRunner.bounded(MAX_LINE_CHARS, MATCHED_LINES);
    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    SmokeRunner(HostPlatform host, String pathValue, Path workDirectory, Supplier<EmptyRoot> emptyRoot) {
        this.host = host;
        this.pathValue = pathValue;
        this.workDirectory = workDirectory;
        this.emptyRoot = emptyRoot;
    }

    /** The emulator a binary runs under: none (native), a program with its arguments, or why there is none. */
    record Emulator(Path program, List<String> arguments, String name, SmokeResult unavailable) {
        static Emulator none() {
            return new Emulator(null, List.of(), null, null);
        }

        static Emulator missing(SmokeResult why) {
            return new Emulator(null, List.of(), null, why);
        }

        boolean native_() {
            return program == null && unavailable == null;
        }
    }

    SmokeResult run(SmokeBinary binary, SmokeSettings settings) {
        if (settings.skip()) {
            return SmokeResult.notRun("skipped: <skip> is set for it in <smoke>", null);
        }
        if (!binary.elf() || !"linux".equals(binary.goos())) {
            return SmokeResult.notRun(
                    "only Linux ELF binaries are run"
                            + (binary.goos() == null ? "" : "; this is a " + binary.goos() + " binary"),
                    null);
        }
        if (!host.linux()) {
            return unavailable(
                    settings,
                    "the smoke run needs a Linux host; this is " + host,
                    "run the build on Linux (a CI agent) or remove <smoke> from this host's build");
        }
        Emulator emulator = emulator(binary, settings);
        if (emulator.unavailable() != null) {
            return emulator.unavailable();
        }
        Path root;
        try {
            root = SmokeRoots.create(workDirectory);
        } catch (IOException e) {
            return SmokeResult.cannotRun(
                    "the empty root could not be made in " + workDirectory + ": " + e.getMessage(),
                    "check that the build directory is writable");
        }
        try {
            return runIn(root, binary, settings, emulator);
        } finally {
            deleteQuietly(root);
        }
    }

    private SmokeResult unavailable(SmokeSettings settings, String reason, String fix) {
        return settings.requireRun()
                ? SmokeResult.cannotRun(reason + " (and <requireRun> is set)", fix)
                : SmokeResult.notRun(reason, fix);
    }

    private Emulator emulator(SmokeBinary binary, SmokeSettings settings) {
        if (!settings.emulator().isEmpty()) {
            String program = settings.emulator().get(0);
            Optional<Path> found = Executables.find(program, pathValue);
            if (found.isEmpty()) {
                return Emulator.missing(SmokeResult.cannotRun(
                        "the configured emulator " + program + " is not found"
                                + (program.contains("/") ? "" : " on PATH"),
                        "install it, or correct <smoke> <emulator>"));
            }
            return new Emulator(
                    found.get(),
                    settings.emulator().subList(1, settings.emulator().size()),
                    CommandLine.join(settings.emulator()),
                    null);
        }
        Emulation emulation = Emulation.decide(binary.goarch(), binary.variant(), host, pathValue);
        if (emulation.isNative()) {
            return Emulator.none();
        }
        if (!emulation.available()) {
            return Emulator.missing(unavailable(
                    settings,
                    emulation.reason(),
                    emulation.fix() + ", or set <emulator> for " + binary.platform() + " in <smoke>, or <skip> it"));
        }
        return new Emulator(emulation.program(), emulation.arguments(), emulation.describe(), null);
    }

    private SmokeResult runIn(Path root, SmokeBinary binary, SmokeSettings settings, Emulator emulator) {
        EmptyRoot isolation = emptyRoot.get();
        String name = binary.fileName();
        List<String> command = new ArrayList<>();
        String method;
        String note = "";
        try {
            copyExecutable(binary.file(), root.resolve(name));
            boolean emulatorInRoot = emulator.native_() || isStatic(emulator.program());
            if (isolation.available() && emulatorInRoot) {
                method = isolation.method().jsonName();
                command.addAll(isolation.enter(root));
                if (!emulator.native_()) {
                    String emulatorName = emulator.program().getFileName().toString();
                    emulatorName = emulatorName.equals(name) ? emulatorName + ".emulator" : emulatorName;
                    copyExecutable(emulator.program(), root.resolve(emulatorName));
                    command.add("/" + emulatorName);
                    command.addAll(emulator.arguments());
                }
                command.add("/" + name);
                isolation.handOver(root);
            } else {
                method = EmptyRoot.Method.ENVIRONMENT.jsonName();
                if (isolation.available()) {
                    note = " (the emulator " + emulator.program() + " is not statically linked, so it cannot start "
                            + "inside the empty root: install " + QemuUser.DEBIAN_PACKAGE + ")";
                }
                if (!emulator.native_()) {
                    command.add(emulator.program().toString());
                    command.addAll(emulator.arguments());
                    if (emulator.program().getFileName().toString().startsWith("qemu-")) {
                        command.addAll(List.of("-L", root.toString()));
                    }
                }
                command.add(root.resolve(name).toString());
            }
        } catch (IOException e) {
            return SmokeResult.cannotRun(
                    "it could not be copied into the empty root " + root + ": " + e.getMessage(),
                    "check that the build directory is writable and has room");
        }
        command.addAll(settings.args());
        Launch launch = new Launch(command, method, note, emulator);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ProcessResult result;
        try {
            result = runner.run(new ProcessSpec(command, root, Map.of(), settings.timeout()), line -> {
                if (lines.size() < MATCHED_LINES) {
                    lines.add(line.text());
                }
            });
        } catch (ProcessTimedOutException e) {
            return SmokeVerdict.timedOut(launch, settings, firstLines(lines), millisSince(start));
        } catch (ProcessFailedException e) {
            return SmokeVerdict.notStarted(launch, binary, e.getMessage(), firstLines(lines), millisSince(start));
        }
        return SmokeVerdict.ended(launch, binary, settings, result, List.copyOf(lines));
    }

    /**
     * How a binary was started: the command line, the isolation method, a note on what weakened it, and
     * the emulator it runs under.
     */
    record Launch(List<String> command, String method, String note, Emulator emulator) {
        Launch {
            command = List.copyOf(command);
        }

        String commandLine() {
            return CommandLine.join(command);
        }

        /** "bwrap" or "bwrap, qemu-aarch64-static": for the result's sentences. */
        String where() {
            return method + (emulator.native_() ? "" : ", " + emulator.name());
        }
    }

    static List<String> firstLines(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines.subList(0, Math.min(SmokeResult.REPORTED_LINES, lines.size())));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private boolean isStatic(Path program) {
        try {
            BinaryReport report = analyzer.analyze(program);
            return report.interpreter() == null
                    && report.needed().isEmpty()
                    && (report.linkage() == Linkage.STATIC || report.linkage() == Linkage.STATIC_PIE);
        } catch (IOException | MalformedBinaryException e) {
            return false;
        }
    }

    /** A copy owned by this user and executable by it, whatever the original's mode. */
    private static void copyExecutable(Path from, Path to) throws IOException {
        Files.copy(from, to);
        try {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("r-x------"));
        } catch (UnsupportedOperationException notPosix) {
            to.toFile().setExecutable(true, true);
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            SafeFiles.deleteTree(root);
        } catch (IOException e) {
            // A leftover root in target/ is harmless; the next run sweeps it, as mvn clean does.
        }
    }
}
