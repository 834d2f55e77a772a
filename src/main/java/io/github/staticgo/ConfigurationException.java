package io.github.staticgo;

/**
 * A mistake in the plugin configuration, reported against the pom element that holds it so the user
 * knows where to look. The message is meant to be shown as it is, without a stack trace.
 */
public class ConfigurationException extends Exception {
    private final String element;

    public ConfigurationException(String element, String message) {
        super("<" + element + ">: " + message);
        this.element = element;
    }

    /** The pom element, without angle brackets, e.g. {@code targets} or {@code sourceDirectory}. */
    public String element() {
        return element;
    }
}
