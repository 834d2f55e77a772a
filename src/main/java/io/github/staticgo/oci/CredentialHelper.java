package io.github.staticgo.oci;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.ProcessTimedOutException;
import io.github.staticgo.process.SecretMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker credential helper, as docker runs one: {@code docker-credential-<name> get} from PATH, the registry's
 * server address on its standard input, and on its standard output the JSON {@code {"ServerURL", "Username",
 * "Secret"}}; the user name {@value Credentials#IDENTITY_TOKEN_USER} marks the secret as an identity token. A
 * helper that has nothing for the registry says {@value #NOT_FOUND} and exits 1, which is no failure: there are
 * no credentials. What the helper prints on success is never shown: it holds the secret.
 *
 * @param name what the Docker config names: the part after {@code docker-credential-}
 * @param configuredBy where the Docker config names it, e.g. "credHelpers of the Docker config /home/u/.docker/config.json"
 */
record CredentialHelper(String name, String configuredBy) {
    private static final String NOT_FOUND = "credentials not found in native keychain";
    /** Enough for any token a helper answers, and a bound on what a broken one can make this JVM hold. */
    private static final int MAX_OUTPUT_CHARS = 1 << 20;

    String program() {
        return "docker-credential-" + name;
    }

    /**
     * The helper's credentials for {@code serverAddress}, or empty when it has none.
     *
     * @param registry host[:port], for messages
     * @param serverAddress what the helper is asked for: the registry, or Docker Hub's historical address
     * @param environment the helper's environment, the one Maven runs in (helpers need HOME, PATH, D-Bus, cloud
     *     credentials...), and the PATH it is found on
     */
    Optional<Credentials> get(
            String registry,
            String serverAddress,
            Map<String, String> environment,
            Path workingDirectory,
            Duration timeout)
            throws RegistryException {
        Path executable = Executables.find(program(), environment.get("PATH"))
                .orElseThrow(
                        () -> failure(registry, "is not on PATH (install it, or remove it from the Docker config)"));
        ProcessResult result;
        try {
            result = ProcessRunner.bounded(MAX_OUTPUT_CHARS, 1000)
                    .run(
                            new ProcessSpec(
                                    List.of(executable.toString(), "get"),
                                    workingDirectory,
                                    environment,
                                    timeout,
                                    serverAddress),
                            line -> {});
        } catch (ProcessTimedOutException e) {
            throw failure(
                    registry,
                    "did not answer within " + timeout.toSeconds() + " s and was killed (a helper that waits for "
                            + "a desktop prompt or an unlocked keyring hangs like this)");
        } catch (ProcessFailedException e) {
            throw failure(registry, "could not run: " + e.getMessage());
        }
        String stdout = String.join("\n", result.stdout()).strip();
        if (!result.succeeded()) {
            if (stdout.equals(NOT_FOUND)) {
                return Optional.empty();
            }
            throw failure(registry, "failed (exit " + result.exitCode() + ")" + said(result));
        }
        return Optional.of(parse(stdout, registry));
    }

    private Credentials parse(String stdout, String registry) throws RegistryException {
        String source = "Docker credential helper " + program();
        try {
            JsonObject answer = JsonParser.parseString(stdout).getAsJsonObject();
            String username = string(answer, "Username");
            String secret = string(answer, "Secret");
            if (username != null && secret != null && !secret.isEmpty()) {
                return username.equals(Credentials.IDENTITY_TOKEN_USER)
                        ? Credentials.identityToken(secret, source)
                        : Credentials.password(username, secret, source);
            }
        } catch (RuntimeException notAJsonObject) {
            // described below, without the text, which may hold the secret
        }
        throw failure(
                registry,
                "answered " + stdout.length() + " characters that are not the JSON {\"ServerURL\", \"Username\", "
                        + "\"Secret\"} of a credential helper, with a Secret (not shown: it may hold one)");
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    /** What a failed helper printed: helpers print their error on stdout. Held back if it looks like credentials. */
    private static String said(ProcessResult result) {
        String text = String.join(" ", result.outputTail()).strip();
        if (text.isEmpty()) {
            return " and printed nothing";
        }
        if (text.contains("\"Secret\"")) {
            return " and printed what looks like credentials (not shown)";
        }
        return ": " + SecretMasker.maskText(text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }

    private RegistryException failure(String registry, String what) {
        return new RegistryException("<servers>: the credentials of " + registry + " are left to the credential "
                + "helper " + program() + " (" + configuredBy + "), which " + what + ". A settings.xml <server><id>"
                + registry + "</id> would be used before the Docker config.");
    }
}
