package io.github.staticgo.gobuild;

/** go build failed for one target; carries go's exit code and the tail of its output. */
public class GoBuildException extends Exception {
    private final int exitCode;

    public GoBuildException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public GoBuildException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = -1;
    }

    /** go's exit code, or -1 when it did not exit by itself (not started, timed out, interrupted). */
    public int exitCode() {
        return exitCode;
    }
}
