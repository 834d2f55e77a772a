package io.github.staticgo.oci;

import java.util.List;
import java.util.Map;

/**
 * An OCI image manifest: one platform's config and layers, or (image-spec 1.1) an artifact, such as an SBOM, with
 * its {@code artifactType} and the {@code subject} manifest it refers to.
 */
public record ImageManifest(
        int schemaVersion,
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        Map<String, String> annotations,
        String artifactType,
        Descriptor subject) {
    public ImageManifest {
        layers = List.copyOf(layers);
    }

    public static ImageManifest of(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
        return new ImageManifest(2, MediaTypes.MANIFEST, config, layers, annotations, null, null);
    }

    /** An artifact with no config (the empty descriptor) and one layer, referring to {@code subject}. */
    public static ImageManifest artifact(
            String artifactType,
            Descriptor empty,
            Descriptor layer,
            Descriptor subject,
            Map<String, String> annotations) {
        return new ImageManifest(2, MediaTypes.MANIFEST, empty, List.of(layer), annotations, artifactType, subject);
    }
}
