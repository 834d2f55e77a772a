package io.github.staticgo.oci;

import io.github.staticgo.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OCI image layout (image-spec "image-layout"): {@code oci-layout}, {@code index.json} naming the image by its
 * tags ({@code org.opencontainers.image.ref.name}), and {@code blobs/sha256/<hex>}. Written whole into a scratch
 * directory and renamed over the old one, so no reader sees half a layout; read back by the push.
 */
public final class OciLayout {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final byte[] LAYOUT_MARKER = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

    private final Path directory;

    public OciLayout(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes the blobs and an index.json that names {@code image} once per tag and lists the artifacts that refer
     * to its manifests (SBOMs), untagged.
     *
     * @return the layout's index.json as written
     */
    public ImageIndex write(Collection<Blob> blobs, Descriptor image, List<String> tags, List<Descriptor> referrers)
            throws IOException {
        Map<String, Blob> byDigest = new LinkedHashMap<>();
        blobs.forEach(blob -> byDigest.putIfAbsent(blob.descriptor().digest(), blob));
        List<Descriptor> named = new ArrayList<>();
        for (String tag : tags) {
            named.add(image.withAnnotations(Map.of(REF_NAME, tag)));
        }
        named.addAll(referrers);
        ImageIndex index = ImageIndex.of(named, null);
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path scratch = parent.resolve("." + directory.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Path blobDirectory = Files.createDirectories(scratch.resolve("blobs/sha256"));
            for (Blob blob : byDigest.values()) {
                Files.write(blobDirectory.resolve(blob.descriptor().hex()), blob.content());
            }
            Files.write(scratch.resolve("oci-layout"), LAYOUT_MARKER);
            Files.write(scratch.resolve("index.json"), OciJson.bytes(index));
            Path old = parent.resolve("." + directory.getFileName() + "." + UUID.randomUUID() + ".old");
            if (Files.exists(directory)) {
                Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(scratch, directory, StandardCopyOption.ATOMIC_MOVE);
            SafeFiles.deleteTree(old);
        } finally {
            SafeFiles.deleteTree(scratch);
        }
        return index;
    }

    /** index.json as the image goal wrote it. */
    public ImageIndex index() throws IOException {
        return OciJson.read(Files.readAllBytes(directory.resolve("index.json")), ImageIndex.class);
    }

    public Path blobFile(Descriptor descriptor) {
        return directory.resolve("blobs/sha256").resolve(descriptor.hex());
    }

    public byte[] blob(Descriptor descriptor) throws IOException {
        return Files.readAllBytes(blobFile(descriptor));
    }

    /**
     * The layout as one tar (an "OCI archive", what {@code skopeo copy oci-archive:}, {@code podman load} and
     * {@code docker load} read): its files in name order, with the same fixed time and owners as the layers.
     */
    public void writeArchive(Path archive, Instant time) throws IOException {
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(LayerEntry.directory("blobs"));
        entries.add(LayerEntry.directory("blobs/sha256"));
        try (var files = Files.list(directory.resolve("blobs/sha256"))) {
            for (Path file : files.sorted().toList()) {
                entries.add(
                        LayerEntry.file("blobs/sha256/" + file.getFileName(), 0644, 0, 0, Files.readAllBytes(file)));
            }
        }
        entries.add(LayerEntry.file("index.json", 0644, 0, 0, Files.readAllBytes(directory.resolve("index.json"))));
        entries.add(LayerEntry.file("oci-layout", 0644, 0, 0, Files.readAllBytes(directory.resolve("oci-layout"))));
        byte[] tar = Layer.tar(entries, time);
        SafeFiles.replace(archive, temporary -> Files.write(temporary, tar));
    }
}
