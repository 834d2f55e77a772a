package io.github.staticgo.binary;

/**
 * A file of a recognised executable format (ELF, PE, Mach-O or WebAssembly) whose headers or tables contradict
 * themselves or the size of the file: truncated, corrupted or deliberately hostile.
 *
 * <p>Checked on purpose: a caller that analyses many files must decide what one bad file means
 * instead of letting it abort the whole run. A file of an unknown format is not malformed; it is
 * reported with {@link Format#UNKNOWN}.
 */
public final class MalformedBinaryException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedBinaryException(String message) {
        super(message);
    }

    public MalformedBinaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
