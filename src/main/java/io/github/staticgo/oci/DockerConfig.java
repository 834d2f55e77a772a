package io.github.staticgo.oci;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from a Docker config file ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}),
 * found as docker finds them: the registry's entry in the variable {@code DOCKER_AUTH_CONFIG}, else the credential
 * helper {@code credHelpers} names for the registry, else the default
 * one {@code credsStore} names, else the registry's entry in {@code auths} ({@code auth}, base64 of
 * user:password, or {@code username} and {@code password}; an {@code identitytoken} before either). When a
 * helper is named for a registry, {@code auths} is not read for it, as docker does not: what the helper says
 * (credentials, or none) is the answer.
 */
public final class DockerConfig {
    /** Where docker keeps Docker Hub's credentials, whatever the name it is reached by. */
    private static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private static final String AUTH_CONFIG_VARIABLE = "DOCKER_AUTH_CONFIG";

    private final Path file;
    private final Map<String, String> environment;
    private final Path home;

    private DockerConfig(Path file, Map<String, String> environment, Path home) {
        this.file = file;
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /**
     * The config file the environment names, whether or not it exists.
     *
     * @param environment Maven's environment: where the file is, and the environment credential helpers run in
     */
    public static DockerConfig of(Map<String, String> environment, Path home) {
        String directory = environment.get("DOCKER_CONFIG");
        return new DockerConfig(
                directory == null || directory.isBlank()
                        ? home.resolve(".docker/config.json")
                        : Path.of(directory).resolve("config.json"),
                environment,
                home);
    }

    public Path file() {
        return file;
    }

    /**
     * The credentials for {@code registry}, or empty when the file has none for it (or there is no file).
     *
     * @param timeout how long a credential helper may take to answer
     */
    public Optional<Credentials> credentials(String registry, Duration timeout) throws IOException, RegistryException {
        String key = key(registry);
        Optional<Credentials> fromEnvironment = fromEnvironment(key, registry);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment;
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonObject config;
        try {
            config = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new RegistryException("the Docker config " + file + " is not a JSON object: " + e.getMessage());
        }
        Optional<CredentialHelper> helper = helper(config, key);
        if (helper.isPresent()) {
            return helper.get().get(registry, key, environment, home, timeout);
        }
        JsonObject auths = object(config, "auths");
        if (auths == null) {
            return Optional.empty();
        }
        // The entry under the registry's own name first, then one written with a scheme or path (older logins).
        JsonElement exact = auths.get(key);
        if (exact != null && exact.isJsonObject()) {
            return fromAuth(exact.getAsJsonObject(), registry);
        }
        for (Map.Entry<String, JsonElement> entry : auths.entrySet()) {
            if (registryOf(entry.getKey()).equals(registry) && entry.getValue().isJsonObject()) {
                return fromAuth(entry.getValue().getAsJsonObject(), registry);
            }
        }
        return Optional.empty();
    }

    /**
     * The entry of {@code DOCKER_AUTH_CONFIG} (docker 28's variable for CI) under the registry's key exactly, which
     * comes before the file, as docker takes it: {@code {"auths": {key: {"auth": base64 of user:password}}}}.
     */
    private Optional<Credentials> fromEnvironment(String key, String registry) throws RegistryException {
        String value = environment.get(AUTH_CONFIG_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        JsonElement entry;
        try {
            JsonObject auths = JsonParser.parseString(value).getAsJsonObject().getAsJsonObject("auths");
            entry = auths == null ? null : auths.get(key);
        } catch (RuntimeException e) {
            throw new RegistryException("the environment variable " + AUTH_CONFIG_VARIABLE + " is not the JSON "
                    + "{\"auths\": {\"registry\": {\"auth\": \"base64 of user:password\"}}} docker reads there.");
        }
        if (entry == null) {
            return Optional.empty();
        }
        String auth = entry.isJsonObject() && entry.getAsJsonObject().get("auth") instanceof JsonPrimitive text
                ? text.getAsString()
                : null;
        if (auth == null || auth.isEmpty()) {
            throw new RegistryException("the environment variable " + AUTH_CONFIG_VARIABLE + " has no auth for " + key
                    + ": docker reads only {\"auth\": \"base64 of user:password\"} there.");
        }
        return Optional.of(userPassword(
                auth,
                registry,
                "the environment variable " + AUTH_CONFIG_VARIABLE,
                AUTH_CONFIG_VARIABLE + " auths." + key));
    }

    /** The helper {@code credHelpers} names for the registry, else the {@code credsStore} one, as docker chooses. */
    private Optional<CredentialHelper> helper(JsonObject config, String key) throws RegistryException {
        JsonObject helpers = object(config, "credHelpers");
        String perRegistry = helpers == null ? null : string(helpers, key, "credHelpers." + key);
        if (perRegistry != null && !perRegistry.isEmpty()) {
            return Optional.of(new CredentialHelper(perRegistry, "credHelpers of the Docker config " + file));
        }
        String store = string(config, "credsStore", "credsStore");
        return store == null || store.isEmpty()
                ? Optional.empty()
                : Optional.of(new CredentialHelper(store, "credsStore of the Docker config " + file));
    }

    private String string(JsonObject object, String name, String path) throws RegistryException {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new RegistryException("the Docker config " + file + " has a " + path + " that is not a string: "
                    + "it names a credential helper by the part of its name after docker-credential-.");
        }
        return value.getAsString();
    }

    /** The key docker files a registry's credentials under: its host[:port], Docker Hub's historical address. */
    private static String key(String registry) {
        return registry.equals("docker.io")
                        || registry.equals("index.docker.io")
                        || registry.equals("registry-1.docker.io")
                ? DOCKER_HUB_KEY
                : registry;
    }

    private Optional<Credentials> fromAuth(JsonObject entry, String registry) throws RegistryException {
        String source = "Docker config " + file + " auths." + registry;
        // docker sends an identity token (az acr login writes one) to the token service instead of the password.
        if (entry.has("identitytoken")
                && !entry.get("identitytoken").getAsString().isEmpty()) {
            return Optional.of(
                    Credentials.identityToken(entry.get("identitytoken").getAsString(), source));
        }
        if (entry.has("auth") && !entry.get("auth").getAsString().isEmpty()) {
            return Optional.of(
                    userPassword(entry.get("auth").getAsString(), registry, "the Docker config " + file, source));
        }
        if (entry.has("username") && entry.has("password")) {
            return Optional.of(Credentials.password(
                    entry.get("username").getAsString(), entry.get("password").getAsString(), source));
        }
        return Optional.empty();
    }

    /** base64 of user:password, as docker writes it, read from {@code where}. */
    private static Credentials userPassword(String auth, String registry, String where, String source)
            throws RegistryException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(where + " has an auth for " + registry
                    + " that is not base64: log in again (docker login " + registry + ").");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new RegistryException(where + " has an auth for " + registry + " that is not user:password in "
                    + "base64: log in again (docker login " + registry + ").");
        }
        return Credentials.password(decoded.substring(0, colon), decoded.substring(colon + 1), source);
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
