package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker config file as docker reads it (docker/cli's configfile and credentials packages): where it is, its
 * {@code auths} keys written with or without a scheme, and the credential helpers {@code credHelpers} and
 * {@code credsStore} name, run as executables (test doubles of real helpers) the way docker runs them. (A file
 * written by a real {@code skopeo login} is read in IT image-sidecar.)
 */
class DockerConfigTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path helpers() {
        return dir.resolve("bin");
    }

    private DockerConfig config(String json) throws Exception {
        Files.createDirectories(dir.resolve(".docker"));
        Files.writeString(dir.resolve(".docker/config.json"), json);
        // Maven's environment, the helpers' directory first on its PATH.
        return DockerConfig.of(Map.of("PATH", helpers() + ":/usr/bin:/bin", "HOME", dir.toString()), dir);
    }

    private String file() {
        return dir.resolve(".docker/config.json").toString();
    }

    @Test
    void dockerConfigNamesTheDirectoryElseTheHomeOneIsUsed() {
        assertEquals(
                dir.resolve("elsewhere/config.json"),
                DockerConfig.of(Map.of("DOCKER_CONFIG", dir.resolve("elsewhere").toString()), dir)
                        .file());
        assertEquals(
                dir.resolve(".docker/config.json"),
                DockerConfig.of(Map.of(), dir).file());
    }

    @Test
    void anAuthsKeyWithSchemeAndPathNamesTheSameRegistry() throws Exception {
        // base64 of "pusher:it-secret"
        DockerConfig config =
                config("{\"auths\": {\"https://127.0.0.1:5000/v1/\": {\"auth\": \"cHVzaGVyOml0LXNlY3JldA==\"}}}");
        Credentials found = config.credentials("127.0.0.1:5000", TIMEOUT).orElseThrow();
        assertEquals("pusher", found.username());
        assertEquals("it-secret", found.password());
        assertFalse(found.identityToken());
        assertTrue(config.credentials("127.0.0.1:5001", TIMEOUT).isEmpty());
    }

    @Test
    void anIdentityTokenInAuthsComesBeforeItsUserAndPassword() throws Exception {
        // What az acr login writes: a placeholder user with an empty password, and the identity token.
        DockerConfig config = config("{\"auths\": {\"registry.example.com\": {\"auth\": "
                + "\"MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwOg==\", \"identitytoken\": \"refresh-me\"}}}");
        Credentials found = config.credentials("registry.example.com", TIMEOUT).orElseThrow();
        assertTrue(found.identityToken());
        assertEquals("refresh-me", found.password());
    }

    @Test
    void aHelperIsRunWithGetAndTheRegistryOnStdinAndItsAnswerIsTheCredentials() throws Exception {
        CredentialHelperDouble helper =
                CredentialHelperDouble.answering(helpers(), "double-store", "pusher", "it-secret");
        DockerConfig config = config("{\"credsStore\": \"double-store\"}");
        Credentials found = config.credentials("127.0.0.1:5000", TIMEOUT).orElseThrow();
        assertEquals("get", helper.args());
        assertEquals("127.0.0.1:5000", helper.stdin(), "docker writes the server address alone, no newline");
        assertEquals("pusher", found.username());
        assertEquals("it-secret", found.password());
        assertEquals("pusher (Docker credential helper docker-credential-double-store)", found.toString());
    }

    @Test
    void dockerHubIsAskedForUnderItsHistoricalAddress() throws Exception {
        CredentialHelperDouble helper = CredentialHelperDouble.answering(helpers(), "double-store", "hubuser", "pat");
        config("{\"credsStore\": \"double-store\"}")
                .credentials("docker.io", TIMEOUT)
                .orElseThrow();
        assertEquals("https://index.docker.io/v1/", helper.stdin());
    }

    @Test
    void theUserNameTokenMarksAnIdentityToken() throws Exception {
        CredentialHelperDouble.answering(helpers(), "double-store", "<token>", "an-identity-token");
        Credentials found = config("{\"credsStore\": \"double-store\"}")
                .credentials("127.0.0.1:5000", TIMEOUT)
                .orElseThrow();
        assertTrue(found.identityToken());
        assertEquals("an-identity-token", found.password());
        assertEquals("an identity token (Docker credential helper docker-credential-double-store)", found.toString());
    }

    /** docker's order: credHelpers for the registry, else credsStore, else auths; auths is not read under a helper. */
    @Test
    void credHelpersComeBeforeCredsStoreWhichComesBeforeAuths() throws Exception {
        CredentialHelperDouble perRegistry =
                CredentialHelperDouble.answering(helpers(), "double-per-registry", "one", "s1");
        CredentialHelperDouble store = CredentialHelperDouble.answering(helpers(), "double-store", "two", "s2");
        String auths = "\"auths\": {\"a.example\": {\"auth\": \"cHVzaGVyOml0LXNlY3JldA==\"}, "
                + "\"b.example\": {\"auth\": \"cHVzaGVyOml0LXNlY3JldA==\"}}";
        DockerConfig both = config("{" + auths + ", \"credHelpers\": {\"a.example\": \"double-per-registry\"}, "
                + "\"credsStore\": \"double-store\"}");
        assertEquals("one", both.credentials("a.example", TIMEOUT).orElseThrow().username());
        assertEquals("a.example", perRegistry.stdin());
        assertEquals("two", both.credentials("b.example", TIMEOUT).orElseThrow().username());
        assertEquals("b.example", store.stdin());

        DockerConfig perRegistryOnly =
                config("{" + auths + ", \"credHelpers\": {\"a.example\": \"double-per-registry\"}}");
        assertEquals(
                "pusher",
                perRegistryOnly.credentials("b.example", TIMEOUT).orElseThrow().username());
    }

    @Test
    void aHelperWithoutCredentialsForTheRegistryMeansNoneAndAuthsIsNotRead() throws Exception {
        CredentialHelperDouble.install(
                helpers(), "double-empty", "echo 'credentials not found in native keychain'; exit 1");
        Optional<Credentials> found = config("{\"auths\": {\"a.example\": {\"auth\": \"cHVzaGVyOml0LXNlY3JldA==\"}}, "
                        + "\"credsStore\": \"double-empty\"}")
                .credentials("a.example", TIMEOUT);
        assertTrue(found.isEmpty(), "docker takes the helper's word for it: " + found);
    }

    private String helperFailure(String helper, String what) {
        return "<servers>: the credentials of a.example are left to the credential helper docker-credential-" + helper
                + " (credHelpers of the Docker config " + file() + "), which " + what
                + ". A settings.xml <server><id>a.example</id> would be used before the Docker config.";
    }

    private RegistryException failureOf(String helper, Duration timeout) throws Exception {
        DockerConfig config = config("{\"credHelpers\": {\"a.example\": \"" + helper + "\"}, \"credsStore\": \"x\"}");
        return assertThrows(RegistryException.class, () -> config.credentials("a.example", timeout));
    }

    @Test
    void aMissingHelperIsOneMessageNamingTheRegistryAndTheHelper() throws Exception {
        assertEquals(
                helperFailure("absent", "is not on PATH (install it, or remove it from the Docker config)"),
                failureOf("absent", TIMEOUT).getMessage());
    }

    @Test
    void aFailingHelperIsOneMessageWithWhatItSaid() throws Exception {
        // What docker-credential-secretservice prints on stdout when the keyring is locked.
        CredentialHelperDouble.install(
                helpers(), "double-fails", "echo 'Cannot autolaunch D-Bus without X11 $DISPLAY'; exit 1");
        assertEquals(
                helperFailure("double-fails", "failed (exit 1): Cannot autolaunch D-Bus without X11 $DISPLAY"),
                failureOf("double-fails", TIMEOUT).getMessage());
    }

    @Test
    void aHangingHelperIsKilledAtTheTimeout() throws Exception {
        CredentialHelperDouble.install(helpers(), "double-hangs", "exec sleep 300");
        long started = System.nanoTime();
        RegistryException e = failureOf("double-hangs", Duration.ofSeconds(2));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(15)) < 0);
        assertEquals(
                helperFailure(
                        "double-hangs",
                        "did not answer within 2 s and was killed (a helper that waits for a desktop prompt or an "
                                + "unlocked keyring hangs like this)"),
                e.getMessage());
    }

    @Test
    void aHelperAnsweringBadJsonIsOneMessageThatDoesNotShowTheAnswer() throws Exception {
        CredentialHelperDouble.install(
                helpers(), "double-bad-json", "echo '{\"Username\": \"pusher\", \"Secret\": \"it-secr'");
        RegistryException e = failureOf("double-bad-json", TIMEOUT);
        assertEquals(
                helperFailure(
                        "double-bad-json",
                        "answered 41 characters that are not the JSON {\"ServerURL\", \"Username\", \"Secret\"} of a "
                                + "credential helper, with a Secret (not shown: it may hold one)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("it-secr"));
    }

    @Test
    void aHelperAnsweringNoSecretIsRefusedLikeBadJson() throws Exception {
        CredentialHelperDouble.install(
                helpers(), "double-no-secret", "echo '{\"Username\": \"pusher\", \"Secret\": \"\"}'");
        assertTrue(failureOf("double-no-secret", TIMEOUT).getMessage().contains("with a Secret (not shown"));
    }

    private DockerConfig withAuthConfigVariable(String value, String json) throws Exception {
        Files.createDirectories(dir.resolve(".docker"));
        Files.writeString(dir.resolve(".docker/config.json"), json);
        return DockerConfig.of(
                Map.of("PATH", helpers() + ":/usr/bin:/bin", "HOME", dir.toString(), "DOCKER_AUTH_CONFIG", value), dir);
    }

    /** docker/cli's DOCKER_AUTH_CONFIG: its entry for the registry comes first, the file's store after it. */
    @Test
    void dockerAuthConfigComesBeforeTheFile() throws Exception {
        CredentialHelperDouble store = CredentialHelperDouble.answering(helpers(), "double-store", "two", "s2");
        DockerConfig config = withAuthConfigVariable(
                "{\"auths\": {\"a.example\": {\"auth\": \"cHVzaGVyOml0LXNlY3JldA==\"}}}",
                "{\"credsStore\": \"double-store\"}");
        Credentials found = config.credentials("a.example", TIMEOUT).orElseThrow();
        assertEquals("pusher", found.username());
        assertEquals("it-secret", found.password());
        assertEquals("pusher (DOCKER_AUTH_CONFIG auths.a.example)", found.toString());
        assertFalse(store.ran());
        assertEquals(
                "two", config.credentials("b.example", TIMEOUT).orElseThrow().username());
    }

    @Test
    void aDockerAuthConfigThatIsNotDockersIsOneMessage() throws Exception {
        RegistryException notJson = assertThrows(
                RegistryException.class,
                () -> withAuthConfigVariable("pusher:it-secret", "{}").credentials("a.example", TIMEOUT));
        assertEquals(
                "the environment variable DOCKER_AUTH_CONFIG is not the JSON {\"auths\": {\"registry\": {\"auth\": "
                        + "\"base64 of user:password\"}}} docker reads there.",
                notJson.getMessage());
        assertFalse(notJson.getMessage().contains("it-secret"));
        RegistryException noAuth = assertThrows(
                RegistryException.class,
                () -> withAuthConfigVariable(
                                "{\"auths\": {\"a.example\": {\"username\": \"pusher\", \"password\": \"x\"}}}", "{}")
                        .credentials("a.example", TIMEOUT));
        assertEquals(
                "the environment variable DOCKER_AUTH_CONFIG has no auth for a.example: docker reads only "
                        + "{\"auth\": \"base64 of user:password\"} there.",
                noAuth.getMessage());
    }
}
