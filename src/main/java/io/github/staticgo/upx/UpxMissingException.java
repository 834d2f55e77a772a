package io.github.staticgo.upx;

/** UPX was asked for but is not installed where the plugin looks. The message says how to install it. */
public class UpxMissingException extends Exception {
    public UpxMissingException(String message) {
        super(message);
    }
}
