package io.github.staticgo.image;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.HumanSize;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.oci.Blob;
import io.github.staticgo.oci.Descriptor;
import io.github.staticgo.oci.ImageConfiguration;
import io.github.staticgo.oci.ImageIndex;
import io.github.staticgo.oci.ImageManifest;
import io.github.staticgo.oci.ImageReference;
import io.github.staticgo.oci.Layer;
import io.github.staticgo.oci.LayerEntry;
import io.github.staticgo.oci.MediaTypes;
import io.github.staticgo.oci.OciLayout;
import io.github.staticgo.oci.RegistryException;
import io.github.staticgo.platform.OciPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The image goal without Maven: from the verified Linux binaries of build.json, one image per platform from
 * scratch (the scratch files' layer, shared by all, then that platform's binary), an index over them, written as
 * an OCI layout and an OCI archive, and recorded in image.json.
 */
public final class StaticGoImage {
    public static final String LAYOUT_DIRECTORY = "layout";
    public static final String ARCHIVE_FILE = "image-oci.tar";
    private static final String BINARY_DIRECTORY = "usr/local/bin";
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}(/(tcp|udp|sctp))?");

    private final BuildLog log;

    public StaticGoImage(BuildLog log) {
        this.log = log;
    }

    /**
     * One platform's image: its entry in the index, its row of image.json, and the SBOM artifact that refers to
     * its manifest (null when verify wrote no SBOM for the binary).
     */
    private record PlatformImage(Descriptor indexEntry, ImageRecord.PlatformImage row, Descriptor sbom) {}

    /**
     * What was written: the record, also in image.json. When the binaries, the settings and the files the image
     * is made of are those of the last image, and its files are as that run left them, it is not written again.
     */
    public ImageRecord assemble(ImageRequest request)
            throws ConfigurationException, ImageException, RegistryException, IOException {
        check(request);
        Collection<BuiltBinary> binaries = onePerPlatform(
                VerifiedBinaries.read(request.outputDirectory(), request.verifyReport(), request.binaryName()));
        Map<OciPlatform, BaseImage.ForPlatform> bases = request.base() == null
                ? Map.of()
                : request.base()
                        .resolve(binaries.stream().map(StaticGoImage::platform).toList());
        Map<String, String> facts = facts(request, binaries);
        if (request.base() != null) {
            facts.put(
                    "base",
                    request.base().reference() + " "
                            + bases.values().stream()
                                    .map(base -> base.manifest().digest())
                                    .toList());
        }
        Optional<String> why = ImageState.whyAssemble(request.imageDirectory(), facts);
        if (why.isEmpty() && !request.force()) {
            ImageRecord record = ImageRecord.read(request.imageDirectory());
            log.info("Image up to date: " + record.indexDigest() + ", nothing changed since it was written ("
                    + request.imageDirectory() + ")");
            return record;
        }
        log.info("Image: assembling, " + (request.force() ? "forced" : why.get()));
        Instant time = request.time() == null ? Instant.EPOCH : request.time();
        OciLayout layout = new OciLayout(request.imageDirectory().resolve(LAYOUT_DIRECTORY));
        // Removed first: should this run fail half-way, the next one does not take the old record for current.
        Files.deleteIfExists(request.imageDirectory().resolve(ImageState.FILE_NAME));
        ImageRecord record;
        try (OciLayout.Staging staging = layout.stage();
                Layers layers = new Layers(staging, time, 1 + binaries.size())) {
            Future<Layer> scratchLayer = request.scratchFiles().isEmpty()
                    ? null
                    : layers.submit(() -> request.scratchFiles().entries());
            Map<BuiltBinary, Future<Layer>> binaryLayers = new LinkedHashMap<>();
            for (BuiltBinary binary : binaries) {
                Path file = request.outputDirectory().resolve(binary.file());
                binaryLayers.put(
                        binary,
                        layers.submit(() -> List.of(LayerEntry.file(
                                pathInImage(binary), 0755, 0, 0, LayerEntry.Content.verified(file, binary.sha256())))));
            }
            List<Descriptor> manifests = new ArrayList<>();
            List<ImageRecord.PlatformImage> images = new ArrayList<>();
            List<Descriptor> sboms = new ArrayList<>();
            Layer scratch = scratchLayer == null ? null : layers.get(scratchLayer);
            for (Map.Entry<BuiltBinary, Future<Layer>> entry : binaryLayers.entrySet()) {
                PlatformImage image = platformImage(
                        request,
                        entry.getKey(),
                        bases.get(platform(entry.getKey())),
                        scratch,
                        layers.get(entry.getValue()),
                        staging);
                manifests.add(image.indexEntry());
                images.add(image.row());
                if (image.sbom() != null) {
                    sboms.add(image.sbom());
                }
            }
            Descriptor index = staging.put(Blob.json(MediaTypes.INDEX, ImageIndex.of(manifests, annotations(request))));
            staging.commit(index, request.tags(), sboms);
            Path archive = request.imageDirectory().resolve(ARCHIVE_FILE);
            layout.writeArchive(archive, time, index, archiveName(request));
            record = new ImageRecord(
                    request.name(),
                    request.tags(),
                    index.digest(),
                    layout.directory().toString(),
                    archive.toString(),
                    images,
                    request.base() == null
                            ? null
                            : new ImageRecord.Base(
                                    request.base().reference().toString(),
                                    request.base().reference().image().toString(),
                                    bases.values().stream()
                                            .flatMap(base -> base.layers().stream())
                                            .map(Descriptor::digest)
                                            .distinct()
                                            .toList()));
        }
        record.write(request.imageDirectory());
        ImageState.write(request.imageDirectory(), facts);
        return record;
    }

    /**
     * The layers of one image, compressed in parallel, one thread per processor at most: deflate is most of the
     * image goal's time, and each platform's binary layer is independent of the others.
     */
    private static final class Layers implements AutoCloseable {
        private final OciLayout.Staging staging;
        private final Instant time;
        private final ExecutorService executor;

        /** The entries of one layer, read when its turn comes. */
        @FunctionalInterface
        interface Entries {
            Collection<LayerEntry> read() throws IOException;
        }

        Layers(OciLayout.Staging staging, Instant time, int layers) {
            this.staging = staging;
            this.time = time;
            AtomicInteger count = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(
                    Math.max(1, Math.min(layers, Runtime.getRuntime().availableProcessors())), task -> {
                        Thread thread = new Thread(task, "static-go-image-layer-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }

        Future<Layer> submit(Entries entries) {
            return executor.submit(() -> staging.putLayer(entries.read(), time));
        }

        Layer get(Future<Layer> layer) throws IOException, ImageException {
            try {
                return layer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageException("interrupted while the image's layers were written");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Stops what still runs (after a failure), and waits for it, so nothing writes into a removed staging. */
        @Override
        public void close() {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the image is made of, for the up-to-date check. */
    private static Map<String, String> facts(ImageRequest request, Collection<BuiltBinary> binaries)
            throws IOException {
        Map<String, String> facts = new TreeMap<>(request.settingFacts());
        facts.putAll(request.scratchFiles().facts());
        facts.put("plugin version", String.valueOf(request.pluginVersion()));
        // The layers' bytes are deflate's, and another JDK (another zlib) may compress them differently.
        facts.put(
                "JDK",
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " "
                        + System.getProperty("os.arch"));
        for (BuiltBinary binary : binaries) {
            facts.put(binary.file(), binary.sha256());
            Path sbom = request.outputDirectory().resolve(binary.sbomFile());
            facts.put(binary.sbomFile(), Files.isRegularFile(sbom) ? FileDigest.sha256(sbom) : "none");
        }
        return facts;
    }

    /**
     * The one name the archive gives the image, which podman and docker load it under: the image's name, else the
     * local name, and the first tag.
     */
    private static String archiveName(ImageRequest request) {
        return (request.name() != null ? request.name().trim() : request.localName()) + ":"
                + request.tags().get(0);
    }

    private static String pathInImage(BuiltBinary binary) {
        return BINARY_DIRECTORY + "/" + binary.baseName();
    }

    /** The binaries by platform, refusing two for one platform. */
    private static Collection<BuiltBinary> onePerPlatform(List<BuiltBinary> binaries) throws ConfigurationException {
        Map<String, BuiltBinary> byPlatform = new LinkedHashMap<>();
        for (BuiltBinary binary : binaries) {
            BuiltBinary other = byPlatform.put(binary.target(), binary);
            if (other != null) {
                throw new ConfigurationException(
                        "image.binary",
                        "build.json has two linux binaries for " + binary.target() + " (" + other.file() + ", "
                                + binary.file() + "): name the one the image holds, e.g. <binary>"
                                + binary.baseName() + "</binary>.");
            }
        }
        return byPlatform.values();
    }

    private static OciPlatform platform(BuiltBinary binary) {
        return OciPlatform.of(binary.platform(), binary.builtVariant());
    }

    /**
     * The binary's layer on the scratch layer, on the base's layers when there is a base, the config and the
     * manifest of one platform.
     */
    private PlatformImage platformImage(
            ImageRequest request,
            BuiltBinary binary,
            BaseImage.ForPlatform base,
            Layer scratchLayer,
            Layer binaryLayer,
            OciLayout.Staging staging)
            throws IOException {
        String pathInImage = pathInImage(binary);
        List<Layer> layers = scratchLayer == null ? List.of(binaryLayer) : List.of(scratchLayer, binaryLayer);
        OciPlatform platform = platform(binary);
        ImageConfiguration ours = configuration(request, platform, "/" + pathInImage, layers);
        List<Descriptor> layerDescriptors = new ArrayList<>();
        Map<String, String> annotations = new TreeMap<>(request.annotations());
        Descriptor config;
        if (base == null) {
            config = staging.put(Blob.json(MediaTypes.CONFIG, ours));
        } else {
            for (int i = 0; i < base.layers().size(); i++) {
                staging.putFile(base.layers().get(i), base.layerFiles().get(i));
            }
            layerDescriptors.addAll(base.layers());
            config = staging.put(
                    Blob.of(MediaTypes.CONFIG, MergedConfiguration.merge(base.config(), ours, base.diffIds())));
            // The image spec's annotations for what an image was built on.
            annotations.put(
                    "org.opencontainers.image.base.name",
                    request.base().reference().toString());
            annotations.put(
                    "org.opencontainers.image.base.digest", base.manifest().digest());
        }
        layers.forEach(layer -> layerDescriptors.add(layer.descriptor()));
        Descriptor manifest = staging.put(Blob.json(
                MediaTypes.MANIFEST,
                ImageManifest.of(config, layerDescriptors, annotations.isEmpty() ? null : annotations)));
        log.info("Image " + platform + ": " + binary.file() + " as /" + pathInImage + ", "
                + HumanSize.of(binaryLayer.descriptor().size()) + " compressed, manifest " + manifest.digest());
        Descriptor sbom = sbomArtifact(request, binary, manifest, staging);
        return new PlatformImage(
                manifest.withPlatform(
                        new Descriptor.Platform(platform.architecture(), platform.os(), platform.variant())),
                new ImageRecord.PlatformImage(
                        binary.target(),
                        platform.toString(),
                        binary.file(),
                        binary.sha256(),
                        "/" + pathInImage,
                        manifest.digest(),
                        config.digest(),
                        layerDescriptors.stream().map(Descriptor::digest).toList()),
                sbom);
    }

    /**
     * The SBOM verify wrote for this binary, as an OCI artifact whose subject is the platform's manifest
     * (image-spec 1.1 referrers), its blobs written to the layout; null when there is no SBOM, or it does not name
     * the binary's SHA-256 (written for another build of it).
     */
    private Descriptor sbomArtifact(
            ImageRequest request, BuiltBinary binary, Descriptor manifest, OciLayout.Staging staging)
            throws IOException {
        Path sbomFile = request.outputDirectory().resolve(binary.sbomFile());
        if (!Files.isRegularFile(sbomFile)) {
            return null;
        }
        byte[] sbom = Files.readAllBytes(sbomFile);
        if (!new String(sbom, StandardCharsets.UTF_8).contains(binary.sha256())) {
            log.warn("Image: " + sbomFile.getFileName() + " does not describe " + binary.file() + " as it is now (not"
                    + " its SHA-256): the image goes without it. Run static-go:verify again to write it anew.");
            return null;
        }
        Blob layer = Blob.of(MediaTypes.CYCLONEDX, sbom);
        Blob empty = Blob.of(MediaTypes.EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
        Blob artifact = Blob.json(
                MediaTypes.MANIFEST,
                ImageManifest.artifact(
                        MediaTypes.CYCLONEDX,
                        empty.descriptor(),
                        layer.descriptor(),
                        new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), null, null),
                        created(request) == null
                                ? null
                                : Map.of("org.opencontainers.image.created", created(request))));
        staging.put(layer);
        staging.put(empty);
        staging.put(artifact);
        log.info("Image: " + sbomFile.getFileName() + " as an SBOM artifact "
                + artifact.descriptor().digest() + " referring to " + manifest.digest());
        return artifact.descriptor().withArtifactType(MediaTypes.CYCLONEDX);
    }

    /** The annotations of the index and of each manifest; null (left out) when there are none. */
    private static Map<String, String> annotations(ImageRequest request) {
        return request.annotations().isEmpty() ? null : request.annotations();
    }

    /** {@code created} of the config and its history: the output timestamp, or none. */
    private static String created(ImageRequest request) {
        return request.time() == null ? null : request.time().toString();
    }

    private static void check(ImageRequest request) throws ConfigurationException {
        if (request.name() != null) {
            ImageReference.parse(request.name(), "image.name");
        }
        if (request.tags().isEmpty()) {
            throw new ConfigurationException(
                    "image.tags", "name at least one tag, e.g. <tag>${project.version}</tag>.");
        }
        for (String tag : request.tags()) {
            ImageReference.checkTag(tag, "image.tags");
        }
        for (String port : request.ports()) {
            if (!PORT.matcher(port).matches()) {
                throw new ConfigurationException(
                        "image.ports", "'" + port + "' is not a port: write 8080, 8080/tcp or 53/udp.");
            }
        }
        for (String key : request.environment().keySet()) {
            if (key.isEmpty() || key.contains("=")) {
                throw new ConfigurationException(
                        "image.environment", "'" + key + "' is not a variable name (no '=', not empty).");
            }
        }
        request.scratchFiles().check();
    }

    private static ImageConfiguration configuration(
            ImageRequest request, OciPlatform platform, String binaryPath, List<Layer> layers) {
        String created = created(request);
        Map<String, Map<String, String>> ports = new TreeMap<>();
        for (String port : request.ports()) {
            ports.put(port.contains("/") ? port : port + "/tcp", Map.of());
        }
        List<String> environment = new ArrayList<>();
        request.environment().forEach((key, value) -> environment.add(key + "=" + value));
        ScratchFiles.NonRootUser nonRoot = request.scratchFiles().user();
        String user =
                request.user() != null ? request.user() : nonRoot == null ? null : nonRoot.uid() + ":" + nonRoot.gid();
        ImageConfiguration.Config config = new ImageConfiguration.Config(
                user,
                ports.isEmpty() ? null : ports,
                environment.isEmpty() ? null : environment,
                request.entrypoint().isEmpty() ? List.of(binaryPath) : request.entrypoint(),
                request.args().isEmpty() ? null : request.args(),
                request.workingDirectory(),
                request.labels().isEmpty() ? null : request.labels());
        List<ImageConfiguration.History> history = new ArrayList<>();
        if (layers.size() > 1) {
            history.add(new ImageConfiguration.History(created, "static-go:image", "scratch files"));
        }
        history.add(new ImageConfiguration.History(created, "static-go:image", binaryPath));
        return new ImageConfiguration(
                created,
                platform.architecture(),
                platform.os(),
                platform.variant(),
                config,
                new ImageConfiguration.RootFs(
                        "layers", layers.stream().map(Layer::diffId).toList()),
                history);
    }
}
