package io.github.staticgo.oci;

import io.github.staticgo.ConfigurationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an image is pushed: a registry ({@code host[:port]}) and a repository in it. The registry must be named:
 * there is no default registry to fall back on, so a name never goes somewhere the user did not write.
 */
public record ImageReference(String registry, String repository) {
    /** The distribution spec's repository name grammar. */
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    /** The distribution spec's tag grammar. */
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    /** A host name or IPv4 address, or an IPv6 address in brackets, and an optional port. */
    private static final Pattern REGISTRY =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    public static ImageReference parse(String name, String element) throws ConfigurationException {
        String text = name == null ? "" : name.trim();
        int slash = text.indexOf('/');
        String registry = slash < 0 ? "" : text.substring(0, slash);
        if (slash < 0 || !(registry.contains(".") || registry.contains(":") || registry.equals("localhost"))) {
            throw new ConfigurationException(
                    element,
                    "'" + text + "' names no registry: write registry-host[:port]/repository, e.g. "
                            + "registry.example.com/team/sidecar or 127.0.0.1:5000/sidecar.");
        }
        if (!REGISTRY.matcher(registry).matches()) {
            throw new ConfigurationException(
                    element,
                    "'" + registry + "' is not a registry: write a host name or address and, if need be, a port, "
                            + "e.g. registry.example.com or 127.0.0.1:5000.");
        }
        String repository = text.substring(slash + 1);
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new ConfigurationException(
                    element,
                    "'" + repository + "' is not a repository name: lower-case letters, digits and . _ - "
                            + "between them, parts joined by /.");
        }
        return new ImageReference(registry.toLowerCase(Locale.ROOT), repository);
    }

    public static void checkTag(String tag, String element) throws ConfigurationException {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new ConfigurationException(
                    element, "'" + tag + "' is not a tag: up to 128 letters, digits, _ . -, not starting with . or -.");
        }
    }

    /** The registry's host, without port or IPv6 brackets. */
    public String host() {
        return hostOf(registry);
    }

    private static String hostOf(String registry) {
        if (registry.startsWith("[")) {
            return registry.substring(1, registry.indexOf(']'));
        }
        int colon = registry.lastIndexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }

    /**
     * Whether the registry is this machine by its name ({@code localhost}, 127.x.y.z, ::1). Decided from the name,
     * never from what a resolver answers, so no DNS answer can turn a remote registry into one spoken to in clear.
     */
    public boolean loopback() {
        return loopback(registry);
    }

    /** Whether host[:port] is this machine by its name, as {@link #loopback()} decides it. */
    static boolean loopback(String authority) {
        String host = hostOf(authority.toLowerCase(Locale.ROOT));
        return host.equals("localhost")
                || host.equals("::1")
                || LOOPBACK_IPV4.matcher(host).matches();
    }

    @Override
    public String toString() {
        return registry + "/" + repository;
    }
}
