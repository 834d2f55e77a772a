package io.github.staticgo.network;

import io.github.staticgo.process.ReadableLine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings.xml proxies as one JDK HttpClient goes through them, for every download and registry of the
 * build: an address takes the first proxy of its scheme unless that proxy's nonProxyHosts names its host
 * (loopback included: this selector, not the JDK's default one, which would skip 127.0.0.1 and localhost by
 * itself, decides), with the proxy's Basic credentials, and through a {@link BasicTunnelRelay} for an HTTPS
 * proxy that asks for them. Closing it stops the relays.
 */
public final class ProxyRoutes implements AutoCloseable {
    private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    private final List<NetworkSettings.HttpProxy> proxies;
    /** The relays for the settings.xml proxies that HTTPS goes through with Basic credentials. */
    private final Map<NetworkSettings.HttpProxy, BasicTunnelRelay> relays = new HashMap<>();

    /** Whether a 401 through a proxy with credentials is the proxy's refusal of them (see the constructor). */
    private final boolean serversAskNoCredentials;

    /**
     * @param serversAskNoCredentials the servers asked never answer 401 (a module proxy): a 401 through a proxy
     *     with credentials is then the proxy refusing them, as tinyproxy answers a plain HTTP request
     * @throws IOException when a relay cannot listen on 127.0.0.1, the message naming its proxy
     */
    public ProxyRoutes(NetworkSettings network, boolean serversAskNoCredentials) throws IOException {
        this.serversAskNoCredentials = serversAskNoCredentials;
        this.proxies = network.proxies();
        for (NetworkSettings.HttpProxy proxy : proxies) {
            if (proxy.username() != null && proxy.protocol().equalsIgnoreCase("https")) {
                try {
                    relays.put(proxy, new BasicTunnelRelay(proxy));
                } catch (IOException e) {
                    close();
                    throw new IOException("cannot listen on 127.0.0.1 to relay HTTPS to the settings.xml proxy '"
                            + proxy.id() + "': " + e.getMessage());
                }
            }
        }
    }

    /**
     * {@code builder} with these proxies. No Authenticator: the JDK's client drops every Authorization header a
     * request sets itself when it has one, and a registry's requests carry their own.
     */
    public HttpClient.Builder configure(HttpClient.Builder builder) {
        return builder.proxy(new SettingsProxySelector());
    }

    /** The settings.xml proxy a request to {@code uri} goes through, if any. */
    public Optional<NetworkSettings.HttpProxy> forUri(URI uri) {
        return proxies.stream()
                .filter(proxy -> proxy.protocol().equalsIgnoreCase(uri.getScheme()))
                .filter(proxy -> !proxy.bypasses(uri.getHost()))
                .findFirst();
    }

    /**
     * Sends {@code request} with {@code client} (built by {@link #configure}), with the relay's token when it
     * goes through one, telling a proxy's refusal of its credentials from other failures.
     *
     * @throws ProxyRefusedException when the proxy refused the credentials settings.xml gives it
     */
    public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        URI uri = request.uri();
        Optional<NetworkSettings.HttpProxy> route = forUri(uri);
        BasicTunnelRelay relay = route.map(relays::get).orElse(null);
        Optional<NetworkSettings.HttpProxy> proxy = route.filter(candidate -> candidate.username() != null);
        HttpRequest routed = request;
        if (relay != null) {
            routed = HttpRequest.newBuilder(
                            request, (name, value) -> !name.equalsIgnoreCase(BasicTunnelRelay.TOKEN_HEADER))
                    .setHeader(BasicTunnelRelay.TOKEN_HEADER, relay.token())
                    .build();
        } else if (proxy.isPresent()) {
            // Plain HTTP through the proxy: its Basic credentials sent with each request, as Maven's own client does.
            routed = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(PROXY_AUTHORIZATION))
                    .setHeader(PROXY_AUTHORIZATION, proxy.get().basic())
                    .build();
        }
        HttpResponse<T> response;
        try {
            response = client.send(routed, body);
        } catch (IOException e) {
            if (relay != null && relay.refusal() != null) {
                throw refused(proxy.get(), uri, relay.refusal());
            }
            throw e;
        }
        if (proxy.isPresent()
                && (response.statusCode() == 407 || (response.statusCode() == 401 && serversAskNoCredentials))) {
            throw refused(proxy.get(), uri, "HTTP " + response.statusCode());
        }
        return response;
    }

    private static ProxyRefusedException refused(NetworkSettings.HttpProxy proxy, URI uri, String answer) {
        return new ProxyRefusedException("the settings.xml proxy " + proxy + " refused the credentials of user '"
                + proxy.username() + "' for " + uri.getHost() + " (" + ReadableLine.of(answer) + "): check "
                + "<username> and <password> of <proxy> '" + proxy.id() + "' in settings.xml.");
    }

    /** Stops the relays listening; tunnels a client still holds end with its connections. */
    @Override
    public void close() {
        for (BasicTunnelRelay relay : relays.values()) {
            relay.close();
        }
    }

    /** The proxy for an address (its relay when it has one), else none. */
    private final class SettingsProxySelector extends ProxySelector {
        @Override
        public List<java.net.Proxy> select(URI uri) {
            return forUri(uri)
                    .map(proxy -> List.of(new java.net.Proxy(
                            java.net.Proxy.Type.HTTP,
                            relays.containsKey(proxy)
                                    ? relays.get(proxy).address()
                                    : InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))))
                    .orElse(List.of(java.net.Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // The request fails with the error; no other proxy to fall back on.
        }
    }
}
