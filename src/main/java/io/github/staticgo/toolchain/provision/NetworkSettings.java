package io.github.staticgo.toolchain.provision;

import java.util.List;
import java.util.Locale;

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
     * @param protocol "http" or "https": the scheme of the addresses it serves
     * @param username null when the proxy needs no authentication
     * @param nonProxyHosts host patterns reached directly, '|'-separated with '*' wildcards, or null
     */
    public record HttpProxy(
            String protocol, String host, int port, String username, String password, String nonProxyHosts) {
        boolean bypasses(String targetHost) {
            if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
                return false;
            }
            for (String pattern : nonProxyHosts.split("[|,]")) {
                String regex = pattern.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace(".", "\\.")
                        .replace("*", ".*");
                if (!regex.isEmpty() && targetHost.toLowerCase(Locale.ROOT).matches(regex)) {
                    return true;
                }
            }
            return false;
        }
    }

    public NetworkSettings {
        proxies = List.copyOf(proxies);
    }

    /** Online, without proxies. */
    public static NetworkSettings direct() {
        return new NetworkSettings(false, List.of());
    }
}
