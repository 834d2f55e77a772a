package io.github.staticgo.oci;

/**
 * A user name and password (or token) for a registry, and where they were found, for messages.
 *
 * @param source where they came from, e.g. "settings.xml server 127.0.0.1:5000", never the secret
 */
public record Credentials(String username, String password, String source) {
    @Override
    public String toString() {
        return username + " (" + source + ")";
    }
}
