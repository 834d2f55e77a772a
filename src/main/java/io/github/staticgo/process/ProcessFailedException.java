package io.github.staticgo.process;

import java.io.IOException;

/** A command could not be started, ran past its timeout, or the waiting thread was interrupted. */
public class ProcessFailedException extends IOException {
    public ProcessFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProcessFailedException(String message) {
        super(message);
    }
}
