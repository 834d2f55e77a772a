package io.github.staticgo.oci;

/** The OCI image-spec media types this plugin writes and pushes. */
public final class MediaTypes {
    public static final String INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    /** The config of an artifact that has none (image-spec 1.1): the two bytes {@code {}}. */
    public static final String EMPTY = "application/vnd.oci.empty.v1+json";
    /** A CycloneDX SBOM in JSON, as an artifact's type and its one layer's. */
    public static final String CYCLONEDX = "application/vnd.cyclonedx+json";

    /** Docker's schema 2 types, which a base image may come in: the same JSON and gzip'd tar under other names. */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    /** The other layer types an OCI image may have, kept as they are when they come from a base image. */
    public static final String LAYER = "application/vnd.oci.image.layer.v1.tar";

    public static final String LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

    private MediaTypes() {}
}
