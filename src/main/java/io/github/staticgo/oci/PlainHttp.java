package io.github.staticgo.oci;

import java.util.List;
import java.util.Locale;

/**
 * Where plain HTTP may be spoken, to a registry or to the token service it sends its clients to: a host that is
 * loopback by its name, or a host[:port] the user named an insecure registry. HTTPS everywhere else.
 */
public record PlainHttp(List<String> insecureRegistries) {
    public PlainHttp {
        insecureRegistries = insecureRegistries.stream()
                .map(registry -> registry.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** @param authority host[:port], as in an image name or a URL */
    public boolean allows(String authority) {
        return ImageReference.loopback(authority) || named(authority);
    }

    /** Whether the user named {@code authority} an insecure registry. */
    public boolean named(String authority) {
        return insecureRegistries.contains(authority.toLowerCase(Locale.ROOT));
    }
}
