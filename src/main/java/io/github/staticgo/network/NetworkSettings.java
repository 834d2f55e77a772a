package io.github.staticgo.network;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the network may be used, from Maven's session and settings.xml.
 *
 * @param offline Maven runs offline (-o): nothing is fetched, only the cache is used
 * @param proxies the active HTTP proxies of settings.xml
 */
public record NetworkSettings(boolean offline, List<HttpProxy> proxies) {
    /**
     * One {@code <proxy>} of settings.xml.
     *
     * @param id its {@code <id>}, for messages
     * @param protocol "http" or "https": the scheme of the addresses it serves
     * @param username null when the proxy needs no authentication
     * @param nonProxyHosts host patterns reached directly, '|'-separated with '*' wildcards, or null
     */
    public record HttpProxy(
            String id, String protocol, String host, int port, String username, String password, String nonProxyHosts) {
        /** "'id' (host:port)", for messages: never the password. */
        @Override
        public String toString() {
            return "'" + id + "' (" + host + ":" + port + ")";
        }

        /** The Proxy-Authorization value for its credentials. */
        String basic() {
            String credentials = username + ":" + (password == null ? "" : password);
            return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }

        boolean bypasses(String targetHost) {
            for (String pattern : nonProxyPatterns()) {
                String regex =
                        pattern.toLowerCase(Locale.ROOT).replace(".", "\\.").replace("*", ".*");
                if (targetHost.toLowerCase(Locale.ROOT).matches(regex)) {
                    return true;
                }
            }
            return false;
        }

        /** The nonProxyHosts patterns, trimmed, none empty; settings.xml separates them with '|' (or ','). */
        List<String> nonProxyPatterns() {
            if (nonProxyHosts == null) {
                return List.of();
            }
            return Arrays.stream(nonProxyHosts.split("[|,]"))
                    .map(String::trim)
                    .filter(pattern -> !pattern.isEmpty())
                    .toList();
        }
    }

    public NetworkSettings {
        proxies = List.copyOf(proxies);
    }

    /** Online, without proxies. */
    public static NetworkSettings direct() {
        return new NetworkSettings(false, List.of());
    }

    private static final List<String> PROXY_VARIABLES =
            List.of("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy");

    /**
     * {@code environment} with the first active settings.xml proxy as go's HTTPS_PROXY and HTTP_PROXY
     * (credentials in the URL, which the log masks) and its nonProxyHosts as NO_PROXY ({@code *.corp} as
     * {@code .corp}), so that go's module downloads take the proxy Maven's do. An environment that sets any
     * proxy variable keeps its own: it is what go would use outside Maven.
     */
    public Map<String, String> withProxyForGo(Map<String, String> environment) {
        if (proxies.isEmpty() || PROXY_VARIABLES.stream().anyMatch(environment::containsKey)) {
            return environment;
        }
        HttpProxy proxy = proxies.get(0);
        String credentials = proxy.username() == null
                ? ""
                : encode(proxy.username()) + ":" + encode(proxy.password() == null ? "" : proxy.password()) + "@";
        String url = "http://" + credentials + proxy.host() + ":" + proxy.port();
        Map<String, String> withProxy = new TreeMap<>(environment);
        withProxy.put("HTTPS_PROXY", url);
        withProxy.put("HTTP_PROXY", url);
        if (!proxy.nonProxyPatterns().isEmpty()
                && !environment.containsKey("NO_PROXY")
                && !environment.containsKey("no_proxy")) {
            withProxy.put(
                    "NO_PROXY",
                    proxy.nonProxyPatterns().stream()
                            .map(host -> host.startsWith("*.") ? host.substring(1) : host)
                            .collect(Collectors.joining(",")));
        }
        return withProxy;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
