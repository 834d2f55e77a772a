package io.github.staticgo.toolchain;

/** The Go toolchain or a C compiler cannot be used; the message says which and how to fix it. */
public class ToolchainException extends Exception {
    public ToolchainException(String message) {
        super(message);
    }
}
