package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.network.Tinyproxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push through a settings.xml proxy: a real tinyproxy on 127.0.0.1 asking for Basic credentials, in front of a
 * real docker-registry (token authentication, its token service a test double, both on 127.0.0.1, which the
 * client sends through the proxy unless nonProxyHosts names it). tinyproxy's own log says what it carried.
 */
class RegistryProxyTest {
    private static final String PROXY_PASSWORD = "proxy-secret-3141";

    @TempDir
    Path dir;

    private TokenServiceDouble tokens;
    private RealRegistry registry;
    private Tinyproxy proxy;
    private OciLayout layout;

    @BeforeEach
    void start() throws Exception {
        tokens = TokenServiceDouble.start(dir.resolve("token-service"));
        registry = RealRegistry.start(
                dir.resolve("registry"),
                "  token:\n    realm: " + tokens.realm() + "\n    service: proxied-registry\n    issuer: "
                        + TokenServiceDouble.ISSUER + "\n    rootcertbundle: " + tokens.certificateFile() + "\n");
        proxy = Tinyproxy.start(dir.resolve("proxy"), "ci-agent", PROXY_PASSWORD, 443);
        layout = new OciLayout(dir.resolve("layout"));
        TestLayouts.write(layout, List.of(new Descriptor.Platform("amd64", "linux", null)));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {proxy, registry, tokens}) {
            if (started != null) {
                started.close();
            }
        }
    }

    private static NetworkSettings through(int port, String password, String nonProxyHosts) {
        return new NetworkSettings(
                false,
                List.of(new NetworkSettings.HttpProxy(
                        "corp-proxy", "http", "127.0.0.1", port, "ci-agent", password, nonProxyHosts)));
    }

    private RegistryPush.Pushed push(NetworkSettings network) throws Exception {
        try (RegistryClient client = new RegistryClient(
                ImageReference.parse(registry.address() + "/sidecar", "image.name"),
                new PlainHttp(List.of()),
                network,
                Credentials.password("pusher", "it-secret", "test"),
                Duration.ofSeconds(30),
                Set.of())) {
            return RegistryPush.push(layout, client, List.of("1.0"), Map.of());
        }
    }

    /** What the registry holds under sidecar:1.0, asked directly by skopeo. */
    private String pushedIndexDigest() {
        return "sha256:"
                + Tools.run(
                                dir,
                                "sh",
                                "-c",
                                "skopeo inspect --raw --tls-verify=false --creds pusher:it-secret docker://"
                                        + registry.address() + "/sidecar:1.0 | sha256sum")
                        .split(" ")[0];
    }

    @Test
    void thePushGoesThroughTheProxyWithItsCredentials() throws Exception {
        RegistryPush.Pushed pushed = push(through(proxy.port, PROXY_PASSWORD, null));

        assertEquals(pushed.indexDigest(), pushedIndexDigest());
        String log = proxy.log();
        assertTrue(log.contains("HEAD http://" + registry.address() + "/v2/sidecar/blobs/sha256:"), log);
        assertTrue(log.contains("PUT http://" + registry.address() + "/v2/sidecar/manifests/1.0"), log);
        assertTrue(log.contains("GET " + tokens.realm() + "?"), "the token service through the proxy too: " + log);
    }

    @Test
    void aRegistryInNonProxyHostsIsReachedDirectly() throws Exception {
        RegistryPush.Pushed pushed = push(through(proxy.port, PROXY_PASSWORD, "localhost|127.0.0.1"));

        assertEquals(pushed.indexDigest(), pushedIndexDigest());
        assertFalse(proxy.log().contains("http://127.0.0.1:"), proxy.log());
    }

    @Test
    void aProxyThatIsNotThereFailsThePushInOneLineNamingIt() throws Exception {
        int nothing;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            nothing = free.getLocalPort();
        }
        int port = nothing;
        RegistryException e = assertThrows(RegistryException.class, () -> push(through(port, PROXY_PASSWORD, null)));

        assertTrue(
                e.getMessage()
                        .startsWith("<image.name>: cannot reach the settings.xml proxy 'corp-proxy' (127.0.0.1:" + port
                                + ") to look for blob sha256:"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("Check <proxy> 'corp-proxy' in settings.xml, or name the registry's host in its "
                                + "<nonProxyHosts>."),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
