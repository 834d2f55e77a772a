package io.github.staticgo.upx;

/**
 * UPX ran and failed (or could not be run): packing, testing or reading its version. The message
 * carries UPX's exit code and its own output; the binaries it failed on were left unpacked.
 */
public class UpxException extends Exception {
    public UpxException(String message) {
        super(message);
    }

    public UpxException(String message, Throwable cause) {
        super(message, cause);
    }
}
