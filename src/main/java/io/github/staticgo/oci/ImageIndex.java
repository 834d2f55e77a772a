package io.github.staticgo.oci;

import java.util.List;
import java.util.Map;

/** An OCI image index: one manifest per platform (or, as a layout's index.json, the images it holds). */
public record ImageIndex(
        int schemaVersion, String mediaType, List<Descriptor> manifests, Map<String, String> annotations) {
    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    public static ImageIndex of(List<Descriptor> manifests, Map<String, String> annotations) {
        return new ImageIndex(2, MediaTypes.INDEX, manifests, annotations);
    }
}
