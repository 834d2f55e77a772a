package io.github.staticgo.oci;

/** A registry refused, could not be reached, or answered what the distribution spec does not allow. */
public class RegistryException extends Exception {
    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
