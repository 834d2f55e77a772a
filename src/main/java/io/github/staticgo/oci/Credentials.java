package io.github.staticgo.oci;

/**
 * What a registry is asked with, and where it was found, for messages: a user name and password (or an access
 * token used as a password), or an identity token. An identity token is no password: it goes only to the
 * registry's token service, as an OAuth2 refresh token (docker's convention; a credential helper answers one
 * with the user name {@value #IDENTITY_TOKEN_USER}).
 *
 * @param password the password, or the identity token
 * @param source where they came from, e.g. "settings.xml server 127.0.0.1:5000", never the secret
 */
public record Credentials(String username, String password, boolean identityToken, String source) {
    /** The user name with which a credential helper says that its secret is an identity token. */
    public static final String IDENTITY_TOKEN_USER = "<token>";

    public static Credentials password(String username, String password, String source) {
        return new Credentials(username, password, false, source);
    }

    public static Credentials identityToken(String token, String source) {
        return new Credentials(IDENTITY_TOKEN_USER, token, true, source);
    }

    @Override
    public String toString() {
        return (identityToken ? "an identity token" : username) + " (" + source + ")";
    }
}
