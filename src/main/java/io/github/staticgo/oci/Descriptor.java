package io.github.staticgo.oci;

import java.util.Map;

/**
 * An OCI content descriptor: what a manifest or index says about a blob it points to.
 *
 * @param digest {@code sha256:<hex>}
 * @param platform the platform of an image manifest in an index, else null
 * @param annotations null when there are none (left out of the JSON)
 * @param artifactType the type of an artifact manifest this points to (image-spec 1.1), else null
 */
public record Descriptor(
        String mediaType,
        String digest,
        long size,
        Platform platform,
        Map<String, String> annotations,
        String artifactType) {

    public Descriptor(String mediaType, String digest, long size, Platform platform, Map<String, String> annotations) {
        this(mediaType, digest, size, platform, annotations, null);
    }

    /** The platform object of an index entry, as the image-index spec names its fields. */
    public record Platform(String architecture, String os, String variant) {}

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, newPlatform, annotations, artifactType);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, platform, newAnnotations, artifactType);
    }

    public Descriptor withArtifactType(String newArtifactType) {
        return new Descriptor(mediaType, digest, size, platform, annotations, newArtifactType);
    }

    /** The hex part of the digest, the blob's file name in a layout. */
    public String hex() {
        return Blob.hexOf(digest);
    }
}
