package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.staticgo.network.NetworkSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects from the registry, as a registry with its blobs in object storage answers (distribution's storage
 * {@code redirect} option, which needs a cloud store to show): test doubles of the registry and of the storage on
 * two loopback ports. The JDK's own redirect following sends the Authorization header to any host; the client's
 * sends it only to the registry.
 */
class RegistryRedirectTest {
    private static final Descriptor BLOB =
            new Descriptor(MediaTypes.LAYER_GZIP, "sha256:" + "a".repeat(64), 1, null, null);

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    /** The Authorization header each request to the storage double came with ("none" for none). */
    private final List<String> storageSaw = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private HttpServer server() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        servers.add(server);
        return server;
    }

    /** A registry double that asks for Basic credentials, then sends every blob request on to {@code location}. */
    private String registryRedirectingTo(String location) throws Exception {
        HttpServer registry = server();
        registry.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"double\"");
                    exchange.sendResponseHeaders(401, -1);
                } else if (exchange.getRequestURI().getPath().startsWith("/storage/")) {
                    storageSaw.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.getResponseHeaders()
                            .set(
                                    "Location",
                                    location.replace(
                                            "PORT",
                                            "" + exchange.getLocalAddress().getPort()));
                    exchange.sendResponseHeaders(307, -1);
                }
            }
        });
        registry.start();
        return "127.0.0.1:" + registry.getAddress().getPort();
    }

    private boolean blobExists(String registry) throws Exception {
        return new RegistryClient(
                        ImageReference.parse(registry + "/sidecar", "image.name"),
                        new PlainHttp(List.of()),
                        NetworkSettings.direct(),
                        Credentials.password("pusher", "it-secret", "test"),
                        Duration.ofSeconds(10),
                        Set.of())
                .blobExists(BLOB);
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutTheCredentials() throws Exception {
        HttpServer storage = server();
        storage.createContext("/", exchange -> {
            try (exchange) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                storageSaw.add(authorization == null ? "none" : authorization);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        storage.start();
        String registry =
                registryRedirectingTo("http://localhost:" + storage.getAddress().getPort() + "/blob?signature=x");
        assertTrue(blobExists(registry));
        assertEquals(List.of("none"), storageSaw);
    }

    @Test
    void aRedirectWithinTheRegistryKeepsTheCredentials() throws Exception {
        assertTrue(blobExists(registryRedirectingTo("/storage/blob")));
        assertEquals(1, storageSaw.size());
        assertTrue(storageSaw.get(0).startsWith("Basic "), storageSaw.toString());
    }

    @Test
    void aRedirectToPlainHttpElsewhereIsNotFollowed() throws Exception {
        RegistryException e = assertThrows(
                RegistryException.class, () -> blobExists(registryRedirectingTo("http://storage.example/blob")));
        assertTrue(e.getMessage().contains("answered HTTP 307 to look for blob"), e.getMessage());
        assertEquals(List.of(), storageSaw);
    }
}
