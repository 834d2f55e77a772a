package io.github.staticgo.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay in front of a settings.xml proxy that asks for Basic credentials (tinyproxy on 127.0.0.1). */
class BasicTunnelRelayTest {
    private static final String PASSWORD = "proxy-secret-2718";

    @TempDir
    Path dir;

    /** The relay serves only its own client: a CONNECT without its token is refused and never reaches the proxy. */
    @Test
    void theRelayRefusesAConnectWithoutItsToken() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(dir.resolve("proxy"), "ci-agent", PASSWORD, 443);
                BasicTunnelRelay relay = new BasicTunnelRelay(new NetworkSettings.HttpProxy(
                        "corp-proxy", "https", "127.0.0.1", proxy.port, "ci-agent", PASSWORD, null));
                Socket other =
                        new Socket(relay.address().getAddress(), relay.address().getPort())) {
            OutputStream out = other.getOutputStream();
            out.write("CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = other.getInputStream();

            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertFalse(proxy.log().contains("CONNECT 127.0.0.1:443"), proxy.log());
        }
    }
}
