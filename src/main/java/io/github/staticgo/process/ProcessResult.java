package io.github.staticgo.process;

import java.time.Duration;
import java.util.List;

/**
 * How a finished command ended and the tail of what it printed (both streams, in arrival order), each
 * line made readable for a message ({@link ReadableLine}); {@code stdout} is as the command printed it.
 */
public record ProcessResult(int exitCode, List<String> outputTail, List<String> stdout, Duration elapsed) {
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
}
