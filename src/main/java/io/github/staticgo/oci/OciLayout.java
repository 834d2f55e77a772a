package io.github.staticgo.oci;

import com.google.gson.annotations.SerializedName;
import io.github.staticgo.FileDigest;
import io.github.staticgo.SafeFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An OCI image layout (image-spec "image-layout"): {@code oci-layout}, {@code index.json} naming the image by its
 * tags ({@code org.opencontainers.image.ref.name}), and {@code blobs/sha256/<hex>}. Written whole into a scratch
 * directory ({@link #stage()}) and renamed over the old one, so no reader sees half a layout; read back by the
 * push.
 */
public final class OciLayout {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** The name containerd, and so {@code docker load} with the containerd image store, gives a loaded image. */
    public static final String CONTAINERD_NAME = "io.containerd.image.name";

    private static final byte[] LAYOUT_MARKER = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    private static final String BLOBS = "blobs/sha256";

    private final Path directory;

    public OciLayout(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** A new layout, written beside this one until {@link Staging#commit} puts it in this one's place. */
    public Staging stage() throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path scratch = parent.resolve("." + directory.getFileName() + "." + UUID.randomUUID() + ".part");
        Files.createDirectories(scratch.resolve(BLOBS));
        return new Staging(scratch);
    }

    /**
     * A layout being written: blobs go straight into its {@code blobs/sha256}, layers compressed as they are
     * written; {@link #putLayer} may be called from several threads at once. Closing it without a commit removes
     * it.
     */
    public final class Staging implements AutoCloseable {
        private final Path scratch;
        private boolean committed;

        private Staging(Path scratch) {
            this.scratch = scratch;
        }

        /** Writes a blob held in memory (a config, a manifest, an index). */
        public Descriptor put(Blob blob) throws IOException {
            Path file = scratch.resolve(BLOBS).resolve(blob.descriptor().hex());
            if (!Files.exists(file)) {
                Files.write(file, blob.content());
            }
            return blob.descriptor();
        }

        /** Writes the layer of {@code entries}, compressing and digesting it on the way. */
        public Layer putLayer(Collection<LayerEntry> entries, Instant time) throws IOException {
            Path temporary = scratch.resolve(BLOBS).resolve("." + UUID.randomUUID() + ".part");
            try {
                Layer layer = Layer.write(entries, time, Files.newOutputStream(temporary));
                Files.move(
                        temporary,
                        scratch.resolve(BLOBS).resolve(layer.descriptor().hex()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return layer;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }

        /**
         * Copies the blob {@code descriptor} names from {@code source} (a base image's layer from the cache),
         * checking its digest and size on the way.
         */
        public void putFile(Descriptor descriptor, Path source) throws IOException {
            Path file = scratch.resolve(BLOBS).resolve(descriptor.hex());
            if (!Files.exists(file)) {
                copyVerified(source, descriptor, file);
            }
        }

        /**
         * Writes {@code oci-layout} and an {@code index.json} that names {@code image} once per tag and lists the
         * artifacts that refer to its manifests (SBOMs), untagged; then puts the layout in place of the old one.
         */
        public ImageIndex commit(Descriptor image, List<String> tags, List<Descriptor> referrers) throws IOException {
            List<Descriptor> named = new ArrayList<>();
            for (String tag : tags) {
                named.add(image.withAnnotations(Map.of(REF_NAME, tag)));
            }
            named.addAll(referrers);
            ImageIndex index = ImageIndex.of(named, null);
            Files.write(scratch.resolve("oci-layout"), LAYOUT_MARKER);
            Files.write(scratch.resolve("index.json"), OciJson.bytes(index));
            Path old = scratch.resolveSibling("." + directory.getFileName() + "." + UUID.randomUUID() + ".old");
            if (Files.exists(directory)) {
                Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(scratch, directory, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            SafeFiles.deleteTree(old);
            return index;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                SafeFiles.deleteTree(scratch);
            }
        }
    }

    /** index.json as the image goal wrote it. */
    public ImageIndex index() throws IOException {
        return OciJson.read(Files.readAllBytes(directory.resolve("index.json")), ImageIndex.class);
    }

    public Path blobFile(Descriptor descriptor) {
        return directory.resolve(BLOBS).resolve(descriptor.hex());
    }

    public byte[] blob(Descriptor descriptor) throws IOException {
        return Files.readAllBytes(blobFile(descriptor));
    }

    /** Every file of the layout, relative to it, in name order. */
    public List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /**
     * One image of a docker-archive's {@code manifest.json} ({@code docker save}'s format, which docker load before
     * 25 and skopeo's {@code docker-archive:} read): its config and layers as paths in the tar, and its names.
     */
    record DockerArchiveImage(
            @SerializedName("Config") String config,
            @SerializedName("RepoTags") List<String> repoTags,
            @SerializedName("Layers") List<String> layers) {}

    /**
     * The layout as one tar (an "OCI archive", what {@code skopeo copy oci-archive:}, {@code podman load} and
     * {@code docker load} read): its blobs in name order, streamed from the layout's files, with the same fixed
     * time and owners as the layers. Its index.json holds the image alone, under one full name ({@code name}, e.g.
     * {@code registry/team/sidecar:1.0}) as both the OCI ref name and containerd's image name: podman names what it
     * loads after the ref name and refuses an index.json of more than one entry, or a ref name that is not a
     * valid image name (a bare tag with capitals, 1.0-SNAPSHOT); docker's containerd store after containerd's.
     * Its manifest.json, for the loaders that read only that (docker before 25), names the index's first platform
     * image under the same name: an entry there is one platform's image, several entries under one name would
     * leave the name on the last one loaded, and {@code docker save} itself picks the host's platform, which would
     * make the archive depend on the machine that wrote it. The layout's own index.json, with one entry per tag
     * and the SBOM artifacts, is for skopeo, umoci and push.
     */
    public void writeArchive(Path archive, Instant time, Descriptor image, String name) throws IOException {
        Map<String, String> names = Map.of(REF_NAME, name, CONTAINERD_NAME, name);
        byte[] archiveIndex = OciJson.bytes(ImageIndex.of(List.of(image.withAnnotations(new TreeMap<>(names))), null));
        Descriptor first =
                OciJson.read(blob(image), ImageIndex.class).manifests().get(0);
        ImageManifest firstImage = OciJson.read(blob(first), ImageManifest.class);
        byte[] dockerManifest = OciJson.bytes(List.of(new DockerArchiveImage(
                BLOBS + "/" + firstImage.config().hex(),
                List.of(name),
                firstImage.layers().stream()
                        .map(layer -> BLOBS + "/" + layer.hex())
                        .toList())));
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(LayerEntry.directory("blobs"));
        entries.add(LayerEntry.directory(BLOBS));
        try (Stream<Path> files = Files.list(directory.resolve(BLOBS))) {
            for (Path file : files.sorted().toList()) {
                entries.add(LayerEntry.file(BLOBS + "/" + file.getFileName(), 0644, 0, 0, LayerEntry.Content.of(file)));
            }
        }
        entries.add(LayerEntry.file("index.json", 0644, 0, 0, archiveIndex));
        entries.add(LayerEntry.file("manifest.json", 0644, 0, 0, dockerManifest));
        entries.add(LayerEntry.file("oci-layout", 0644, 0, 0, LAYOUT_MARKER));
        SafeFiles.replace(archive, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                Layer.tar(entries, time, out);
            }
        });
    }

    /**
     * Copies {@code source} to {@code target} through a temporary file beside it, and fails (leaving no target)
     * when it is not the blob {@code descriptor} names: its size and SHA-256.
     */
    public static void copyVerified(Path source, Descriptor descriptor, Path target) throws IOException {
        SafeFiles.replace(target, temporary -> {
            MessageDigest digest = FileDigest.newSha256();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
                size = Files.copy(in, temporary);
            }
            String actual = "sha256:" + HexFormat.of().formatHex(digest.digest());
            if (size != descriptor.size() || !actual.equals(descriptor.digest())) {
                throw new IOException(source + " is not the blob " + descriptor.digest() + " (" + descriptor.size()
                        + " bytes) but " + actual + " (" + size + " bytes)");
            }
        });
    }
}
