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
import java.util.regex.Pattern;

/**
 * Runs one Linux binary in a fresh empty root, natively or under an emulator, and judges how it ended.
 * The root is a new directory holding a copy of the binary (and of a static emulator); it is removed
 * afterwards. The binary gets an empty environment, no input, and is killed with every process it started
 * at the timeout; in a PID namespace, they also end when it ends.
 */
final class SmokeRunner {
    /** Lines kept in the report and the failure message. */
    /** Lines the output pattern is matched against. */
    private static final int MATCHED_LINES = 200;

    private static final int MAX_LINE_CHARS = 400;
    /** How bwrap, unshare and chroot say that the program could not be started (the kernel's execve failed). */
    private static final Pattern START_FAILURE = Pattern.compile(
            "^(bwrap: execvp|unshare: failed to execute|chroot: failed to run command|qemu-[\\w-]+: Could not open|qemu-[\\w-]+: Error while loading) .*");

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
    private record Emulator(Path program, List<String> arguments, String name, SmokeResult unavailable) {
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
        String commandLine = CommandLine.join(command);
        String where = method + (emulator.native_() ? "" : ", " + emulator.name());
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
            return new SmokeResult(
                    SmokeResult.Status.FAILED,
                    method,
                    emulator.name(),
                    commandLine,
                    null,
                    true,
                    millisSince(start),
                    firstLines(lines),
                    "smoke run (" + where + ") did not finish within "
                            + settings.timeout().toSeconds() + " s and was killed with its children" + note,
                    "with " + describeArgs(settings) + " it keeps running (a server or a prompt?): give <args> that "
                            + "make it print and exit, such as --version, or raise <timeout>");
        } catch (ProcessFailedException e) {
            return new SmokeResult(
                    SmokeResult.Status.FAILED,
                    method,
                    emulator.name(),
                    commandLine,
                    null,
                    false,
                    millisSince(start),
                    firstLines(lines),
                    "smoke run (" + where + ") did not start: " + e.getMessage() + note,
                    startFix(binary));
        }
        Long millis = result.elapsed().toMillis();
        List<String> shown = firstLines(lines);
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (result.exitCode() != settings.exitCode()
                && START_FAILURE.matcher(first).matches()) {
            return new SmokeResult(
                    SmokeResult.Status.FAILED,
                    method,
                    emulator.name(),
                    commandLine,
                    result.exitCode(),
                    false,
                    millis,
                    shown,
                    "smoke run (" + where + ") did not start in the empty root: " + first + note,
                    startFix(binary));
        }
        if (result.exitCode() != settings.exitCode()) {
            return new SmokeResult(
                    SmokeResult.Status.FAILED,
                    method,
                    emulator.name(),
                    commandLine,
                    result.exitCode(),
                    false,
                    millis,
                    shown,
                    "smoke run (" + where + ") exited with " + result.exitCode() + signal(result.exitCode())
                            + ", expected " + settings.exitCode() + note,
                    "run it by hand to see why (" + byHand(binary, settings, emulator) + "), or set <exitCode> if "
                            + result.exitCode() + " is how it ends with " + describeArgs(settings));
        }
        if (settings.output() != null
                && !settings.output().matcher(String.join("\n", lines)).find()) {
            return new SmokeResult(
                    SmokeResult.Status.FAILED,
                    method,
                    emulator.name(),
                    commandLine,
                    result.exitCode(),
                    false,
                    millis,
                    shown,
                    "smoke run (" + where + ") printed nothing that matches <output> "
                            + settings.output().pattern() + note,
                    "check the version it was built with (<ldflags> -X ...), or correct <output>");
        }
        return new SmokeResult(
                SmokeResult.Status.PASSED,
                method,
                emulator.name(),
                commandLine,
                result.exitCode(),
                false,
                millis,
                shown,
                note.isEmpty() ? null : note.strip(),
                null);
    }

    /** The binary where it lies, under its emulator if any, with its arguments: what a person would type. */
    private static String byHand(SmokeBinary binary, SmokeSettings settings, Emulator emulator) {
        List<String> command = new ArrayList<>();
        if (!emulator.native_()) {
            command.add(emulator.program().toString());
            command.addAll(emulator.arguments());
        }
        command.add(binary.file().toString());
        command.addAll(settings.args());
        return CommandLine.join(command);
    }

    private static String describeArgs(SmokeSettings settings) {
        return settings.args().isEmpty() ? "no <args>" : "<args> " + CommandLine.join(settings.args());
    }

    private static String startFix(SmokeBinary binary) {
        if (binary.interpreter() != null) {
            return "it is dynamically linked: its interpreter " + binary.interpreter()
                    + " (and the libraries after it) "
                    + "is not in the empty root, as it is not on a scratch or distroless image; build it static "
                    + "(<cgo>off</cgo>, or <cgo>musl</cgo>)";
        }
        return "the kernel or the emulator refused to load it: check that it is a complete executable for "
                + binary.platform();
    }

    /** 128 + n is how a process killed by signal n ends; say which, as a hint. */
    private static String signal(int exitCode) {
        String name = switch (exitCode - 128) {
            case 4 -> "SIGILL, an instruction this CPU lacks";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            default -> null;
        };
        return name == null ? "" : " (killed by " + name + "?)";
    }

    private static List<String> firstLines(List<String> lines) {
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
