package io.github.staticgo.oci;

import java.util.Map;

/**
 * An OCI content descriptor: what a manifest or index says about a blob it points to.
 *
 * @param digest {@code sha256:<hex>}
 * @param platform the platform of an image manifest in an index, else null
 * @param annotations null when there are none (left out of the JSON)
 */
public record Descriptor(
        String mediaType, String digest, long size, Platform platform, Map<String, String> annotations) {

    /** The platform object of an index entry, as the image-index spec names its fields. */
    public record Platform(String architecture, String os, String variant) {}

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, newPlatform, annotations);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, platform, newAnnotations);
    }

    /** The hex part of the digest, the blob's file name in a layout. */
    public String hex() {
        return Blob.hexOf(digest);
    }
}
