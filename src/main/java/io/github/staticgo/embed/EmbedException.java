package io.github.staticgo.embed;

/** The embed goal cannot embed: nothing built, or a binary that is not verified as it is now. */
public final class EmbedException extends Exception {
    public EmbedException(String message) {
        super(message);
    }
}
