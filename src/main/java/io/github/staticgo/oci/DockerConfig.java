package io.github.staticgo.oci;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from a Docker config file ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}),
 * as {@code docker login} and {@code podman login --authfile} write it: {@code auths} by registry, each with
 * {@code auth} (base64 of user:password) or {@code username} and {@code password}. Credential helpers
 * ({@code credHelpers}, {@code credsStore}) are not run: a registry that only a helper knows is refused with a
 * message saying so, rather than pushed to without credentials.
 */
public final class DockerConfig {
    private final Path file;

    private DockerConfig(Path file) {
        this.file = file;
    }

    /** The config file the environment names, whether or not it exists. */
    public static DockerConfig of(Map<String, String> environment, Path home) {
        String directory = environment.get("DOCKER_CONFIG");
        return new DockerConfig(
                directory == null || directory.isBlank()
                        ? home.resolve(".docker/config.json")
                        : Path.of(directory).resolve("config.json"));
    }

    public Path file() {
        return file;
    }

    /** The credentials for {@code registry}, or empty when the file has none for it (or there is no file). */
    public Optional<Credentials> credentials(String registry) throws IOException, RegistryException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonObject config;
        try {
            config = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new RegistryException("the Docker config " + file + " is not a JSON object: " + e.getMessage());
        }
        JsonObject auths = object(config, "auths");
        for (Map.Entry<String, JsonElement> entry :
                auths == null ? Map.<String, JsonElement>of().entrySet() : auths.entrySet()) {
            if (registryOf(entry.getKey()).equals(registry) && entry.getValue().isJsonObject()) {
                Optional<Credentials> found = fromAuth(entry.getValue().getAsJsonObject(), registry);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        JsonObject helpers = object(config, "credHelpers");
        String helper = helpers != null && helpers.has(registry)
                ? helpers.get(registry).getAsString()
                : config.has("credsStore") ? config.get("credsStore").getAsString() : null;
        if (helper != null) {
            throw new RegistryException("<servers>: the Docker config " + file + " leaves the credentials of "
                    + registry + " to the credential helper docker-credential-" + helper + ", which this plugin "
                    + "does not run: add <server><id>" + registry + "</id>...</server> to settings.xml instead.");
        }
        return Optional.empty();
    }

    private Optional<Credentials> fromAuth(JsonObject entry, String registry) throws RegistryException {
        String source = "Docker config " + file + " auths." + registry;
        if (entry.has("auth") && !entry.get("auth").getAsString().isEmpty()) {
            String decoded;
            try {
                decoded =
                        new String(Base64.getDecoder().decode(entry.get("auth").getAsString()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new RegistryException("the Docker config " + file + " has an auth for " + registry
                        + " that is not base64: log in again (docker login " + registry + ").");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new RegistryException("the Docker config " + file + " has an auth for " + registry
                        + " that is not user:password in base64: log in again (docker login " + registry + ").");
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1), source));
        }
        if (entry.has("username") && entry.has("password")) {
            return Optional.of(new Credentials(
                    entry.get("username").getAsString(), entry.get("password").getAsString(), source));
        }
        return Optional.empty();
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent.has(name) && parent.get(name).isJsonObject() ? parent.getAsJsonObject(name) : null;
    }

    /** "127.0.0.1:5000" for "https://127.0.0.1:5000/v1/" or "127.0.0.1:5000": keys are written either way. */
    private static String registryOf(String key) {
        String registry = key.replaceFirst("^[a-z]+://", "");
        int slash = registry.indexOf('/');
        return slash < 0 ? registry : registry.substring(0, slash);
    }
}
