package io.github.staticgo.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content addressed by its SHA-256: a layer, a config, a manifest or an index, held in memory. The digest is
 * computed once, here: a layer is megabytes, and its descriptor is asked for by the manifest, the layout and the
 * record.
 */
public record Blob(String mediaType, byte[] content, Descriptor descriptor) {
    private static final String SHA256 = "sha256:";

    public static Blob of(String mediaType, byte[] content) {
        return new Blob(mediaType, content, new Descriptor(mediaType, digest(content), content.length, null, null));
    }

    public static Blob json(String mediaType, Object document) {
        return of(mediaType, OciJson.bytes(document));
    }

    public static String digest(byte[] content) {
        try {
            return SHA256
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hexOf(String digest) {
        if (!digest.startsWith(SHA256) || !digest.substring(SHA256.length()).matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return digest.substring(SHA256.length());
    }
}
