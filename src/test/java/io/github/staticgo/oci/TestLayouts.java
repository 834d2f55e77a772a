package io.github.staticgo.oci;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** OCI layouts for tests, written by {@link OciLayout.Staging} as the image goal writes its own. */
final class TestLayouts {
    private TestLayouts() {}

    /**
     * An image of one platform per entry of {@code platforms}, in that order in its index, tagged 1.0: each has one
     * layer, whose one file names the platform's architecture, and a config.
     *
     * @return the index's descriptor
     */
    static Descriptor write(OciLayout layout, List<Descriptor.Platform> platforms) throws Exception {
        try (OciLayout.Staging staging = layout.stage()) {
            List<Descriptor> manifests = new ArrayList<>();
            for (Descriptor.Platform platform : platforms) {
                Layer layer = staging.putLayer(
                        List.of(LayerEntry.file(
                                "sidecar",
                                0755,
                                0,
                                0,
                                ("#!/bin/true " + platform.architecture() + "\n").getBytes(StandardCharsets.UTF_8))),
                        Instant.EPOCH);
                Blob config = Blob.json(
                        MediaTypes.CONFIG,
                        Map.of(
                                "architecture", platform.architecture(),
                                "os", platform.os(),
                                "rootfs", Map.of("type", "layers", "diff_ids", List.of(layer.diffId()))));
                Blob manifest = Blob.json(
                        MediaTypes.MANIFEST, ImageManifest.of(config.descriptor(), List.of(layer.descriptor()), null));
                staging.put(config);
                staging.put(manifest);
                manifests.add(manifest.descriptor().withPlatform(platform));
            }
            Blob index = Blob.json(MediaTypes.INDEX, ImageIndex.of(manifests, null));
            staging.put(index);
            staging.commit(index.descriptor(), List.of("1.0"), List.of());
            return index.descriptor();
        }
    }
}
