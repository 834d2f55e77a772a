package io.github.staticgo.oci;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pushes the image a layout names: every blob the registry does not have yet (asked first, so an unchanged
 * image uploads nothing), then each platform's manifest and the index by digest, the artifacts that refer to
 * them (SBOMs) by digest, and last the tags, so a tag never points at an image whose parts are missing.
 */
public final class RegistryPush {
    private RegistryPush() {}

    /**
     * What one push did.
     *
     * @param indexDigest the digest the tags point at
     * @param uploaded the blobs sent, by digest
     * @param present the blobs the registry already had
     * @param mounted the blobs the registry took from another of its repositories (a base image's layers)
     * @param uploadedBytes the size of what was sent
     */
    public record Pushed(
            String indexDigest,
            List<String> tags,
            List<String> uploaded,
            List<String> present,
            List<String> mounted,
            long uploadedBytes) {}

    /**
     * @param mountable blobs that another repository of the same registry holds (a base image's layers), by
     *     digest, to that repository: asked to be mounted from there before they are uploaded
     */
    public static Pushed push(
            OciLayout layout, RegistryClient registry, List<String> tags, Map<String, String> mountable)
            throws IOException, RegistryException {
        Descriptor indexDescriptor = layout.index().manifests().get(0);
        byte[] indexBytes = layout.blob(indexDescriptor);
        ImageIndex index = OciJson.read(indexBytes, ImageIndex.class);
        Set<Descriptor> blobs = new LinkedHashSet<>();
        List<Descriptor> manifests = new ArrayList<>();
        for (Descriptor entry : index.manifests()) {
            Descriptor manifest = entry.withPlatform(null).withAnnotations(null);
            manifests.add(manifest);
            ImageManifest image = OciJson.read(layout.blob(manifest), ImageManifest.class);
            blobs.add(bare(image.config()));
            image.layers().forEach(layer -> blobs.add(bare(layer)));
        }
        List<Descriptor> referrers = layout.index().manifests().stream()
                .filter(entry -> entry.artifactType() != null)
                .toList();
        for (Descriptor referrer : referrers) {
            ImageManifest artifact = OciJson.read(layout.blob(referrer), ImageManifest.class);
            blobs.add(bare(artifact.config()));
            artifact.layers().forEach(layer -> blobs.add(bare(layer)));
        }
        List<String> uploaded = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> mounted = new ArrayList<>();
        long bytes = 0;
        for (Descriptor blob : blobs) {
            if (registry.blobExists(blob)) {
                present.add(blob.digest());
            } else if (mountable.containsKey(blob.digest()) && registry.mountBlob(blob, mountable.get(blob.digest()))) {
                mounted.add(blob.digest());
            } else {
                registry.uploadBlob(blob, layout.blobFile(blob));
                uploaded.add(blob.digest());
                bytes += blob.size();
            }
        }
        for (Descriptor manifest : manifests) {
            registry.putManifest(manifest.digest(), MediaTypes.MANIFEST, layout.blob(manifest));
        }
        registry.putManifest(indexDescriptor.digest(), MediaTypes.INDEX, indexBytes);
        // Artifacts that refer to the platform manifests (SBOMs), after their subjects: by digest, untagged.
        for (Descriptor referrer : referrers) {
            registry.putManifest(referrer.digest(), MediaTypes.MANIFEST, layout.blob(referrer));
        }
        for (String tag : tags) {
            registry.putManifest(tag, MediaTypes.INDEX, indexBytes);
        }
        return new Pushed(indexDescriptor.digest(), tags, uploaded, present, mounted, bytes);
    }

    /** A descriptor by content alone, so the same blob named twice (shared layers) is pushed once. */
    private static Descriptor bare(Descriptor descriptor) {
        return new Descriptor(descriptor.mediaType(), descriptor.digest(), descriptor.size(), null, null);
    }
}
