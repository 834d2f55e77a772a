package io.github.staticgo.process;

import java.util.regex.Pattern;

/**
 * A line a tool printed, made fit for an error message: terminal escape sequences (colours, cursor
 * moves, titles) and every other control character (NUL, ESC, BEL, backspace, C1 codes) are removed,
 * so a tool that prints garbage cannot corrupt or rewrite the terminal that shows the message, and the
 * line is cut at {@link #MAX_CHARS}.
 */
public final class ReadableLine {
    static final int MAX_CHARS = 500;
    /** CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL or ESC \) sequences, and two-character escapes. */
    private static final Pattern ESCAPE_SEQUENCE =
            Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[@-_]");
    /** Tab stays: it reads as space. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F-\\x9F]");

    private ReadableLine() {}

    public static String of(String line) {
        String text =
                CONTROL.matcher(ESCAPE_SEQUENCE.matcher(line).replaceAll("")).replaceAll("");
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + " [cut]";
    }
}
