package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.network.ProxyRefusedException;
import io.github.staticgo.network.Tinyproxy;
import io.github.staticgo.toolchain.ToolchainException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settings.xml proxy that asks for Basic credentials (tinyproxy on 127.0.0.1), in front of the module
 * proxy: over HTTPS, where the JDK's client will not send Basic to open the tunnel, and over HTTP; with
 * the right password and a wrong one.
 */
class ProxyCredentialsTest {
    private static final String VERSION = "1.99.1";
    private static final String PASSWORD = "proxy-secret-2718";
    private static final String INFO = "/golang.org/toolchain/@v/v0.0.1-go" + VERSION + ".linux-amd64.info";

    @TempDir
    Path dir;

    private static NetworkSettings through(String protocol, Tinyproxy proxy, String password) {
        return new NetworkSettings(
                false,
                List.of(new NetworkSettings.HttpProxy(
                        "corp-proxy", protocol, "127.0.0.1", proxy.port, "ci-agent", password, null)));
    }

    @Test
    void opensAnHttpsTunnelWithBasicCredentials() throws Exception {
        Path zips = dir.resolve("zips");
        Path zip = ChecksumProxyServer.toolchainZip(zips, VERSION);
        try (ChecksumProxyServer server = ChecksumProxyServer.startHttps(zips, dir.resolve("server"));
                Tinyproxy proxy = Tinyproxy.start(dir.resolve("proxy"), "ci-agent", PASSWORD, server.port);
                HttpTransfer http = new HttpTransfer(
                        through("https", proxy, PASSWORD), Duration.ofMinutes(1), BuildLog.silent(), server.trust())) {
            assertEquals(200, http.get(URI.create(server.url() + INFO)).status());
            Path downloaded = dir.resolve("downloaded.zip");
            HttpTransfer.Answer answer = http.download(
                    URI.create(server.url() + "/golang.org/toolchain/@v/v0.0.1-go" + VERSION + ".linux-amd64.zip"),
                    downloaded,
                    "the zip",
                    body -> {});

            assertEquals(200, answer.status());
            assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(downloaded));
            // tinyproxy's own log: the tunnels it opened after checking the credentials.
            assertTrue(proxy.log().contains("CONNECT 127.0.0.1:" + server.port), proxy.log());
            assertTrue(server.requests().contains(INFO), server.requests().toString());
        }
    }

    @Test
    void aWrongPasswordForAnHttpsTunnelFailsNamingTheProxy() throws Exception {
        Path zips = dir.resolve("zips");
        ChecksumProxyServer.toolchainZip(zips, VERSION);
        try (ChecksumProxyServer server = ChecksumProxyServer.startHttps(zips, dir.resolve("server"));
                Tinyproxy proxy = Tinyproxy.start(dir.resolve("proxy"), "ci-agent", PASSWORD, server.port);
                HttpTransfer http = new HttpTransfer(
                        through("https", proxy, "wrong-secret-1414"),
                        Duration.ofMinutes(1),
                        BuildLog.silent(),
                        server.trust())) {
            ProxyRefusedException refused =
                    assertThrows(ProxyRefusedException.class, () -> http.get(URI.create(server.url() + INFO)));

            assertRefusal(refused.getMessage());
            assertEquals(List.of(), server.requests(), "nothing reached the server");
        }
    }

    /** Plain HTTP goes to the proxy as requests, not tunnels: the JDK's Basic works there, a wrong password fails the same way. */
    @Test
    void provisionsThroughAnHttpProxyAndAWrongPasswordFailsInOneLine() throws Exception {
        Path zips = dir.resolve("zips");
        ChecksumProxyServer.toolchainZip(zips, VERSION);
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips, dir.resolve("server"));
                Tinyproxy proxy = Tinyproxy.start(dir.resolve("proxy"), "ci-agent", PASSWORD, 443)) {
            ProvisionRequest.Builder request = ProvisionRequest.builder(VERSION, dir.resolve("cache"))
                    .host("linux", "amd64")
                    .moduleProxy(server.url())
                    .checksumDatabase(server.verifierKey);

            ToolchainException refused = assertThrows(
                    ToolchainException.class,
                    () -> new ToolchainProvisioner(BuildLog.silent())
                            .provision(request.network(through("http", proxy, "wrong-secret-1414"))
                                    .build()));
            assertRefusal(refused.getMessage());

            ProvisionedToolchain go = new ToolchainProvisioner(BuildLog.silent())
                    .provision(request.network(through("http", proxy, PASSWORD)).build());
            assertTrue(Files.isExecutable(go.goExecutable()));
            assertTrue(proxy.log().contains("GET http://127.0.0.1:" + server.port), proxy.log());
        }
    }

    private static void assertRefusal(String message) {
        assertTrue(message.contains("settings.xml proxy 'corp-proxy'"), message);
        assertTrue(message.contains("refused the credentials of user 'ci-agent'"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("wrong-secret-1414"), message);
        assertFalse(message.contains(PASSWORD), message);
    }
}
