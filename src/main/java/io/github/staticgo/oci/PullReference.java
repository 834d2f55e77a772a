package io.github.staticgo.oci;

import io.github.staticgo.ConfigurationException;
import java.util.regex.Pattern;

/**
 * An image to pull, a base image: {@code registry/repository:tag}, {@code registry/repository@sha256:<hex>}, or
 * both (the digest decides). As for a pushed image the registry must be named, and so must a tag or a digest: no
 * implicit {@code latest}.
 *
 * @param tag null when only the digest is given
 * @param digest null when only the tag is given
 */
public record PullReference(ImageReference image, String tag, String digest) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public static PullReference parse(String text, String element) throws ConfigurationException {
        String rest = text == null ? "" : text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new ConfigurationException(
                        element, "'" + digest + "' is not a digest: write registry/repository@sha256:<64 hex digits>.");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            ImageReference.checkTag(tag, element);
        }
        if (tag == null && digest == null) {
            throw new ConfigurationException(
                    element,
                    "'" + text.trim() + "' names no tag or digest: write registry/repository:tag or "
                            + "registry/repository@sha256:<digest>.");
        }
        return new PullReference(ImageReference.parse(rest, element), tag, digest);
    }

    /** What the registry is asked for: the digest when there is one, else the tag. */
    public String reference() {
        return digest != null ? digest : tag;
    }

    @Override
    public String toString() {
        return image + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
