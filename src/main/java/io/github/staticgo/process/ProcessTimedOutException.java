package io.github.staticgo.process;

import java.time.Duration;
import java.util.List;

/** A command ran past its timeout and was killed with its children; carries what it printed until then. */
public class ProcessTimedOutException extends ProcessFailedException {
    private final transient List<String> outputTail;
    private final Duration timeout;

    public ProcessTimedOutException(String message, List<String> outputTail, Duration timeout) {
        super(message);
        this.outputTail = List.copyOf(outputTail);
        this.timeout = timeout;
    }

    /** The last lines of both streams, in arrival order, made readable ({@link ReadableLine}). */
    public List<String> outputTail() {
        return outputTail;
    }

    public Duration timeout() {
        return timeout;
    }
}
