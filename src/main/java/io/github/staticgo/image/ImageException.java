package io.github.staticgo.image;

/** The image cannot be made from what verify left: a binary failed, was not verified, or changed since. */
public class ImageException extends Exception {
    public ImageException(String message) {
        super(message);
    }
}
