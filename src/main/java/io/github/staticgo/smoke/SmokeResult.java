package io.github.staticgo.smoke;

import java.util.List;
import java.util.Locale;

/**
 * What the smoke run of one binary did.
 *
 * @param method how it was isolated (bwrap, unshare, chroot, environment), or null when it did not run
 * @param emulator the emulator command it ran under, or null when it ran natively or not at all
 * @param command the whole command line as run, or null
 * @param exitCode how it ended, or null when it did not run, the sandbox could not be started, or it was killed
 *     at the timeout; the sandbox's own code (bwrap: 1) when the kernel refused the binary
 * @param millis how long it ran, or null when it did not run
 * @param output its first lines (both streams, in arrival order)
 * @param reason why it failed or was not run, one sentence; null when it passed
 * @param fix what to do about a failure or a run that could not happen; null when it passed
 */
public record SmokeResult(
        Status status,
        String method,
        String emulator,
        String command,
        Integer exitCode,
        boolean timedOut,
        Long millis,
        List<String> output,
        String reason,
        String fix) {
    /** How many lines of what a binary printed a result keeps, stdout and stderr together. */
    public static final int REPORTED_LINES = 20;

    /** Passed, failed, or not run (no emulator, a Windows binary, skipped). */
    public enum Status {
        PASSED,
        FAILED,
        NOT_RUN;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public SmokeResult {
        output = List.copyOf(output);
    }

    static SmokeResult notRun(String reason, String fix) {
        return new SmokeResult(Status.NOT_RUN, null, null, null, null, false, null, List.of(), reason, fix);
    }

    static SmokeResult cannotRun(String reason, String fix) {
        return new SmokeResult(Status.FAILED, null, null, null, null, false, null, List.of(), reason, fix);
    }

    public boolean ran() {
        return method != null;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
