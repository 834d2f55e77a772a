package io.github.staticgo.smoke;

import io.github.staticgo.process.CommandLine;
import io.github.staticgo.process.ProcessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a smoke run ended, judged against what the settings expect: killed at the timeout, never started,
 * the wrong exit code, no output that matches, or passed. Each failure says why and what to do.
 */
final class SmokeVerdict {
    /** How bwrap, unshare and chroot say that the program could not be started (the kernel's execve failed). */
    private static final Pattern START_FAILURE = Pattern.compile(
            "^(bwrap: execvp|unshare: failed to execute|chroot: failed to run command|qemu-[\\w-]+: Could not open|qemu-[\\w-]+: Error while loading) .*");

    private SmokeVerdict() {}

    static SmokeResult timedOut(SmokeRunner.Launch launch, SmokeSettings settings, List<String> shown, long millis) {
        return failed(
                launch,
                null,
                true,
                millis,
                shown,
                "smoke run (" + launch.where() + ") did not finish within "
                        + settings.timeout().toSeconds() + " s and was killed with its children" + launch.note(),
                "with " + describeArgs(settings) + " it keeps running (a server or a prompt?): give <args> that "
                        + "make it print and exit, such as --version, or raise <timeout>");
    }

    static SmokeResult notStarted(
            SmokeRunner.Launch launch, SmokeBinary binary, String why, List<String> shown, long millis) {
        return failed(
                launch,
                null,
                false,
                millis,
                shown,
                "smoke run (" + launch.where() + ") did not start: " + why + launch.note(),
                startFix(binary));
    }

    /** @param lines what it printed, both streams in arrival order, as far as they are matched */
    static SmokeResult ended(
            SmokeRunner.Launch launch,
            SmokeBinary binary,
            SmokeSettings settings,
            ProcessResult result,
            List<String> lines) {
        long millis = result.elapsed().toMillis();
        List<String> shown = lines.subList(0, Math.min(SmokeResult.REPORTED_LINES, lines.size()));
        String first = lines.isEmpty() ? "" : lines.get(0);
        String where = launch.where();
        if (result.exitCode() != settings.exitCode()
                && START_FAILURE.matcher(first).matches()) {
            return failed(
                    launch,
                    result.exitCode(),
                    false,
                    millis,
                    shown,
                    "smoke run (" + where + ") did not start in the empty root: " + first + launch.note(),
                    startFix(binary));
        }
        if (result.exitCode() != settings.exitCode()) {
            return failed(
                    launch,
                    result.exitCode(),
                    false,
                    millis,
                    shown,
                    "smoke run (" + where + ") exited with " + result.exitCode() + signal(result.exitCode())
                            + ", expected " + settings.exitCode() + launch.note(),
                    "run it by hand to see why (" + byHand(binary, settings, launch.emulator()) + "), or set "
                            + "<exitCode> if " + result.exitCode() + " is how it ends with " + describeArgs(settings));
        }
        if (settings.output() != null
                && !settings.output().matcher(String.join("\n", lines)).find()) {
            return failed(
                    launch,
                    result.exitCode(),
                    false,
                    millis,
                    shown,
                    "smoke run (" + where + ") printed nothing that matches <output> "
                            + settings.output().pattern() + launch.note(),
                    "check the version it was built with (<ldflags> -X ...), or correct <output>");
        }
        return new SmokeResult(
                SmokeResult.Status.PASSED,
                launch.method(),
                launch.emulator().name(),
                launch.commandLine(),
                result.exitCode(),
                false,
                millis,
                shown,
                launch.note().isEmpty() ? null : launch.note().strip(),
                null);
    }

    private static SmokeResult failed(
            SmokeRunner.Launch launch,
            Integer exitCode,
            boolean timedOut,
            long millis,
            List<String> shown,
            String reason,
            String fix) {
        return new SmokeResult(
                SmokeResult.Status.FAILED,
                launch.method(),
                launch.emulator().name(),
                launch.commandLine(),
                exitCode,
                timedOut,
                millis,
                shown,
                reason,
                fix);
    }

    /** The binary where it lies, under its emulator if any, with its arguments: what a person would type. */
    private static String byHand(SmokeBinary binary, SmokeSettings settings, SmokeRunner.Emulator emulator) {
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
}
