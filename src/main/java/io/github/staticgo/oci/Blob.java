package io.github.staticgo.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content addressed by its SHA-256: a layer, a config, a manifest or an index, held in memory. */
public record Blob(String mediaType, byte[] content) {
    private static final String SHA256 = "sha256:";

    public static Blob json(String mediaType, Object document) {
        return new Blob(mediaType, OciJson.bytes(document));
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest(content), content.length, null, null);
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
