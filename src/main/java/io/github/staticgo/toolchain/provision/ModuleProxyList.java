package io.github.staticgo.toolchain.provision;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * GOPROXY as go reads it: proxies separated by ',' (the next is tried only when one answers 404 or
 * 410) or '|' (the next is tried after any error); "direct" (fetch from the origin's version control)
 * and "off" (no more downloads) end the list for a toolchain, which this plugin fetches only from proxies.
 *
 * @param proxies the proxies to try, in order
 * @param endsWith "direct", "off" or "" for what comes after the last proxy
 */
public record ModuleProxyList(List<Proxy> proxies, String endsWith) {
    /**
     * One module proxy.
     *
     * @param anyErrorFallsThrough it was followed by '|': the next proxy is tried after any failure, not
     *     only after 404 and 410
     */
    public record Proxy(URI uri, boolean anyErrorFallsThrough) {
        /** The proxy's address without user information, for messages. */
        public String shown() {
            return uri.getUserInfo() == null
                    ? uri.toString()
                    : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
        }
    }

    public ModuleProxyList {
        proxies = List.copyOf(proxies);
    }

    /**
     * Parses a GOPROXY value; {@code element} names where it came from for the message.
     *
     * @throws ProvisionException for an entry that is neither a URL nor direct nor off
     */
    public static ModuleProxyList parse(String value, String element) throws ProvisionException {
        List<Proxy> proxies = new ArrayList<>();
        String rest = value.trim();
        while (!rest.isEmpty()) {
            int comma = rest.indexOf(','), bar = rest.indexOf('|');
            int end = comma < 0 ? bar : bar < 0 ? comma : Math.min(comma, bar);
            String entry = (end < 0 ? rest : rest.substring(0, end)).trim();
            boolean anyError = end >= 0 && rest.charAt(end) == '|';
            rest = end < 0 ? "" : rest.substring(end + 1).trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("direct") || entry.equals("off")) {
                return new ModuleProxyList(proxies, entry);
            }
            URI uri;
            try {
                uri = URI.create(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null
                    || uri.getHost() == null
                    || !List.of("http", "https").contains(uri.getScheme())) {
                throw new ProvisionException(
                        element + ": '" + entry + "' is not a module proxy URL (http:// or https://),"
                                + " 'direct' or 'off'. Write the proxy list as go reads GOPROXY, e.g. https://goproxy.example,direct.");
            }
            proxies.add(new Proxy(uri, anyError));
        }
        return new ModuleProxyList(proxies, "");
    }
}
