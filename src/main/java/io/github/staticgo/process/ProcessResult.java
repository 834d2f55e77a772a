package io.github.staticgo.process;

import java.time.Duration;
import java.util.List;

/**
 * How a finished command ended and the tail of what it printed (both streams, in arrival order), each
 * line made readable for a message ({@link ReadableLine}); {@code stdout} is as the command printed it.
 *
 * @param command the command as a person reads it, secrets masked ({@link ProcessSpec#describe})
 */
public record ProcessResult(
        String command, int exitCode, List<String> outputTail, List<String> stdout, Duration elapsed) {
    public ProcessResult {
        outputTail = List.copyOf(outputTail);
        stdout = List.copyOf(stdout);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String outputTailText() {
        return String.join(System.lineSeparator(), outputTail);
    }

    /** The one text of a command that failed: the command, its exit code and the tail of its output, secrets masked. */
    public String failureText() {
        return "the command " + command + System.lineSeparator() + "exited with code " + exitCode
                + (outputTail.isEmpty()
                        ? " and printed nothing"
                        : "; its last output:" + System.lineSeparator() + SecretMasker.maskText(outputTailText()));
    }
}
