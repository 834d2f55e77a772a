package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.github.staticgo.Tools;
import io.github.staticgo.network.NetworkSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push through the distribution token flow, against a real docker-registry that verifies every token it is
 * shown (signature up to its rootcertbundle, issuer, audience, expiry, access) and a test double of its token
 * service: what the client asks the token service for, and what it does with what the registry answers. skopeo,
 * which speaks the same flow itself, reads back what was pushed.
 */
class RegistryTokenFlowTest {
    private static final String SERVICE = "static-go-test-registry";

    @TempDir
    Path dir;

    private TokenServiceDouble tokens;
    private RealRegistry registry;
    private OciLayout layout;

    @BeforeEach
    void start() throws Exception {
        tokens = TokenServiceDouble.start(dir.resolve("token-service"));
        registry = RealRegistry.start(dir.resolve("registry"), tokenAuth(tokens.realm()));
        layout = new OciLayout(dir.resolve("layout"));
        TestLayouts.write(layout, List.of(new Descriptor.Platform("amd64", "linux", null)));
    }

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    private String tokenAuth(String realm) {
        return "  token:\n"
                + "    realm: " + realm + "\n"
                + "    service: " + SERVICE + "\n"
                + "    issuer: " + TokenServiceDouble.ISSUER + "\n"
                + "    rootcertbundle: " + tokens.certificateFile() + "\n";
    }

    private RegistryPush.Pushed push(Credentials credentials) throws Exception {
        return push("sidecar", credentials, Map.of());
    }

    /** @param mountable as {@link RegistryPush#push} takes it */
    private RegistryPush.Pushed push(String repository, Credentials credentials, Map<String, String> mountable)
            throws Exception {
        RegistryClient client = new RegistryClient(
                ImageReference.parse(registry.address() + "/" + repository, "image.name"),
                new PlainHttp(List.of()),
                NetworkSettings.direct(),
                credentials,
                Duration.ofSeconds(30),
                Set.copyOf(mountable.values()));
        return RegistryPush.push(layout, client, List.of("1.0"), mountable);
    }

    private RegistryException refused(Credentials credentials) {
        return assertThrows(RegistryException.class, () -> push(credentials));
    }

    @Test
    void aPasswordIsExchangedForOneTokenThatServesTheWholePush() throws Exception {
        RegistryPush.Pushed first = push(Credentials.password("pusher", "it-secret", "test"));
        assertEquals(2, first.uploaded().size(), "layer and config uploaded, with the registry checking the token");

        List<TokenServiceDouble.Asked> asked = tokens.asked();
        assertEquals(1, asked.size(), "one token for every request of the push: " + asked);
        assertEquals("GET", asked.get(0).method());
        assertEquals("pusher", asked.get(0).user(), "Basic credentials sent to the token service");
        assertEquals(SERVICE, asked.get(0).service(), "the challenge's service, which the registry takes as audience");
        assertTrue(
                asked.get(0).scopes().contains("repository:sidecar:pull,push"),
                asked.get(0).scopes().toString());

        String raw = Tools.run(
                dir,
                "sh",
                "-c",
                "skopeo inspect --raw --tls-verify=false --creds pusher:it-secret docker://" + registry.address()
                        + "/sidecar:1.0 | sha256sum");
        assertEquals(first.indexDigest(), "sha256:" + raw.split(" ")[0]);

        int beforeSecondPush = tokens.asked().size(); // skopeo asked too
        RegistryPush.Pushed again = push(Credentials.password("pusher", "it-secret", "test"));
        assertEquals(List.of(), again.uploaded());
        assertEquals(beforeSecondPush + 1, tokens.asked().size(), "the second push's client asked once too");
    }

    /** The layer of the image pushed to {@code repository}, as skopeo reads it from the registry. */
    private String layerIn(String repository) throws Exception {
        String inspected = Tools.run(
                dir,
                "skopeo",
                "inspect",
                "--tls-verify=false",
                "--creds",
                "pusher:it-secret",
                "docker://" + registry.address() + "/" + repository + ":1.0");
        JsonArray layers = JsonParser.parseString(inspected).getAsJsonObject().getAsJsonArray("Layers");
        assertEquals(1, layers.size(), inspected);
        return layers.get(0).getAsString();
    }

    /** The requests the registry logged answering with {@code status}, as "METHOD uri". */
    private List<String> logged(int status) throws Exception {
        Pattern request = Pattern.compile(
                "http\\.request\\.method=(\\w+) .*http\\.request\\.uri=\"([^\"]+)\".*http\\.response\\.status=" + status
                        + " ");
        return registry.log()
                .lines()
                .map(request::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1) + " " + found.group(2))
                .toList();
    }

    @Test
    void aBaseLayerIsMountedWithTheTokenAskedForTheFirstRequest() throws Exception {
        push("base", Credentials.password("pusher", "it-secret", "test"), Map.of());
        String layer = layerIn("base");
        int before = tokens.asked().size();

        RegistryPush.Pushed pushed =
                push("sidecar", Credentials.password("pusher", "it-secret", "test"), Map.of(layer, "base"));

        List<TokenServiceDouble.Asked> asked =
                tokens.asked().subList(before, tokens.asked().size());
        assertEquals(1, asked.size(), "one token for the push and its mount: " + asked);
        assertEquals(
                List.of("repository:sidecar:pull,push", "repository:base:pull"),
                asked.get(0).scopes());
        assertEquals(
                List.of("POST /v2/sidecar/blobs/uploads/?mount=" + layer.replace(":", "%3A") + "&from=base"),
                logged(201).stream().filter(line -> line.contains("mount=")).toList(),
                "the registry answered the mount 201 Created");
        assertEquals(
                List.of(),
                logged(201).stream()
                        .filter(line -> line.startsWith("PUT /v2/sidecar/") && line.contains(layer.substring(7)))
                        .toList(),
                "the layer was not uploaded");
        assertEquals(layer, layerIn("sidecar"));
        assertEquals(List.of(layer), pushed.mounted());
    }

    @Test
    void aTokenWithoutPullOnTheBaseUploadsTheLayerAndThePushSucceeds() throws Exception {
        push("base", Credentials.password("pusher", "it-secret", "test"), Map.of());
        String layer = layerIn("base");
        tokens.grantOnly("sidecar");

        RegistryPush.Pushed pushed =
                push("sidecar", Credentials.password("pusher", "it-secret", "test"), Map.of(layer, "base"));

        assertTrue(tokens.asked().get(tokens.asked().size() - 1).scopes().contains("repository:base:pull"));
        assertEquals(
                List.of(),
                logged(201).stream().filter(line -> line.contains("mount=")).toList(),
                "no mount without pull on the base");
        assertEquals(
                1,
                logged(201).stream()
                        .filter(line ->
                                line.startsWith("PUT /v2/sidecar/blobs/uploads/") && line.contains(layer.substring(7)))
                        .count(),
                "the layer was uploaded");
        assertEquals(layer, layerIn("sidecar"));
        assertEquals(List.of(), pushed.mounted());
        assertTrue(pushed.uploaded().contains(layer), pushed.toString());
    }

    @Test
    void anIdentityTokenIsSentAsAnOAuth2RefreshToken() throws Exception {
        push(Credentials.identityToken("identity-of-pusher", "test"));
        TokenServiceDouble.Asked asked = tokens.asked().get(0);
        assertEquals("POST", asked.method());
        assertEquals("refresh_token", asked.form().get("grant_type"));
        assertEquals("identity-of-pusher", asked.form().get("refresh_token"));
        assertEquals("static-go-maven-plugin", asked.form().get("client_id"));
        assertEquals(SERVICE, asked.service());
        assertTrue(
                asked.scopes().contains("repository:sidecar:pull,push"),
                asked.scopes().toString());
    }

    @Test
    void aTokenThatExpiresDuringThePushIsFetchedAgainAndThePushGoesOn() throws Exception {
        RegistryClient client = new RegistryClient(
                ImageReference.parse(registry.address() + "/sidecar", "image.name"),
                new PlainHttp(List.of()),
                NetworkSettings.direct(),
                Credentials.password("pusher", "it-secret", "test"),
                Duration.ofSeconds(30),
                Set.of());
        tokens.issueShortLived(3);
        RegistryPush.push(layout, client, List.of("1.0"), Map.of());
        assertEquals(1, tokens.asked().size());
        Thread.sleep(4_000);
        // The same client, its token now expired: the registry answers invalid_token, and a new token is fetched.
        RegistryPush.push(layout, client, List.of("1.0"), Map.of());
        assertEquals(2, tokens.asked().size());
    }

    @Test
    void aWrongPasswordIsOneMessageNamingTheTokenService() {
        assertEquals(
                "<servers>: the token service " + tokens.realm() + " of the registry " + registry.address()
                        + " refused pusher (test) (HTTP 401): fix the user name and password of <server><id>"
                        + registry.address() + "</id> in settings.xml (or the Docker config's entry).",
                refused(Credentials.password("pusher", "wrong-secret", "test")).getMessage());
    }

    @Test
    void aRevokedIdentityTokenIsOneMessage() {
        assertEquals(
                "<servers>: the token service " + tokens.realm() + " of the registry " + registry.address()
                        + " refused an identity token (test) (HTTP 401): the identity token is expired or revoked: "
                        + "log in again (docker login " + registry.address() + ").",
                refused(Credentials.identityToken("revoked", "test")).getMessage());
    }

    @Test
    void noCredentialsIsOneMessageSayingWhereToPutThem() {
        assertEquals(
                "<servers>: the token service " + tokens.realm() + " of the registry " + registry.address()
                        + " gives no token without credentials (HTTP 401): add <server><id>" + registry.address()
                        + "</id><username>...</username><password>...</password></server> to settings.xml, or log "
                        + "in with a Docker config (docker login " + registry.address() + ").",
                refused(null).getMessage());
    }

    @Test
    void aTokenWithoutPushIsOneMessageNamingTheRepository() {
        RegistryException e = refused(Credentials.password("reader", "reader-secret", "test"));
        assertEquals(
                "<servers>: the token service " + tokens.realm() + " gave reader (test) no right to push to "
                        + "sidecar, which the registry " + registry.address() + " requires to upload blob "
                        + e.getMessage().replaceAll(".*upload blob (sha256:[0-9a-f]+).*", "$1")
                        + ": grant it there, or use another user's <server> in settings.xml.",
                e.getMessage());
    }

    @Test
    void tokensTheRegistryDoesNotAcceptAreOneMessage() {
        tokens.issueExpired(100);
        RegistryException e = refused(Credentials.password("pusher", "it-secret", "test"));
        assertEquals(
                "the registry " + registry.address() + " does not accept the token its token service "
                        + tokens.realm() + " issued to pusher (test) (invalid_token, to look for blob "
                        + e.getMessage().replaceAll(".*look for blob (sha256:[0-9a-f]+).*", "$1") + "): the token is "
                        + "expired or not yet valid (check the clocks of this machine and of the token service), or "
                        + "the token service signs with a key, issuer or service name the registry is not set up "
                        + "for.",
                e.getMessage());
        assertEquals(1, tokens.asked().size(), "a new token the registry refuses is not asked for again");
    }

    @Test
    void noCredentialsGoToATokenServiceInPlainHttpThatIsNotLoopback() throws Exception {
        registry.close();
        registry = RealRegistry.start(dir.resolve("registry-2"), tokenAuth("http://tokens.example:8080/token"));
        RegistryException e = refused(Credentials.password("pusher", "it-secret", "test"));
        assertEquals(
                "<insecureRegistries>: the registry " + registry.address() + " sends its clients for a token to "
                        + "http://tokens.example:8080/token, which is plain HTTP to a host that is neither loopback "
                        + "nor named in <insecureRegistries>: no credentials are sent there. If you trust the network "
                        + "to it, name tokens.example:8080 in <insecureRegistries>.",
                e.getMessage());
        assertFalse(tokens.asked().iterator().hasNext());
    }
}
