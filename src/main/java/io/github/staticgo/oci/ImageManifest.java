package io.github.staticgo.oci;

import java.util.List;
import java.util.Map;

/** An OCI image manifest: one platform's config and layers. */
public record ImageManifest(
        int schemaVersion,
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        Map<String, String> annotations) {
    public ImageManifest {
        layers = List.copyOf(layers);
    }

    public static ImageManifest of(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
        return new ImageManifest(2, MediaTypes.MANIFEST, config, layers, annotations);
    }
}
