package io.github.staticgo.image;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
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
import java.util.TreeMap;
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
     * One platform's image: the blobs it adds, its entry in the index, its row of image.json, and the SBOM
     * artifact that refers to its manifest (null when verify wrote no SBOM for the binary).
     */
    private record PlatformImageBlobs(
            List<Blob> blobs, Descriptor indexEntry, ImageRecord.PlatformImage row, Descriptor sbom) {}

    /** What was written: the record, also in image.json. */
    public ImageRecord assemble(ImageRequest request) throws ConfigurationException, ImageException, IOException {
        check(request);
        Collection<BuiltBinary> binaries = onePerPlatform(
                VerifiedBinaries.read(request.outputDirectory(), request.verifyReport(), request.binaryName()));
        Instant time = request.time() == null ? Instant.EPOCH : request.time();
        List<Blob> blobs = new ArrayList<>();
        Layer scratchLayer = request.scratchFiles().isEmpty()
                ? null
                : Layer.of(request.scratchFiles().entries(), time);
        if (scratchLayer != null) {
            blobs.add(scratchLayer.blob());
        }
        List<Descriptor> manifests = new ArrayList<>();
        List<ImageRecord.PlatformImage> images = new ArrayList<>();
        List<Descriptor> sboms = new ArrayList<>();
        for (BuiltBinary binary : binaries) {
            PlatformImageBlobs image = platformImage(request, binary, scratchLayer, time);
            blobs.addAll(image.blobs());
            manifests.add(image.indexEntry());
            images.add(image.row());
            if (image.sbom() != null) {
                sboms.add(image.sbom());
            }
        }
        Blob index = Blob.json(MediaTypes.INDEX, ImageIndex.of(manifests, annotations(request)));
        blobs.add(index);
        OciLayout layout = new OciLayout(request.imageDirectory().resolve(LAYOUT_DIRECTORY));
        layout.write(blobs, index.descriptor(), request.tags(), sboms);
        Path archive = request.imageDirectory().resolve(ARCHIVE_FILE);
        layout.writeArchive(archive, time);
        ImageRecord record = new ImageRecord(
                request.name(),
                request.tags(),
                index.descriptor().digest(),
                layout.directory().toString(),
                archive.toString(),
                images);
        record.write(request.imageDirectory());
        return record;
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

    /** The binary's layer on the scratch layer, the config and the manifest of one platform. */
    private PlatformImageBlobs platformImage(ImageRequest request, BuiltBinary binary, Layer scratchLayer, Instant time)
            throws IOException {
        String pathInImage = BINARY_DIRECTORY + "/" + binary.baseName();
        byte[] content = Files.readAllBytes(request.outputDirectory().resolve(binary.file()));
        Layer binaryLayer = Layer.of(List.of(LayerEntry.file(pathInImage, 0755, 0, 0, content)), time);
        List<Layer> layers = scratchLayer == null ? List.of(binaryLayer) : List.of(scratchLayer, binaryLayer);
        OciPlatform platform = OciPlatform.of(binary.platform(), binary.builtVariant());
        Blob config = Blob.json(MediaTypes.CONFIG, configuration(request, platform, "/" + pathInImage, layers));
        List<Descriptor> layerDescriptors =
                layers.stream().map(layer -> layer.blob().descriptor()).toList();
        Blob manifest = Blob.json(
                MediaTypes.MANIFEST, ImageManifest.of(config.descriptor(), layerDescriptors, annotations(request)));
        log.info("Image " + platform + ": " + binary.file() + " as /" + pathInImage + ", "
                + HumanSize.of(binaryLayer.blob().content().length) + " compressed, manifest "
                + manifest.descriptor().digest());
        List<Blob> platformBlobs = new ArrayList<>(List.of(binaryLayer.blob(), config, manifest));
        Descriptor sbom = sbomArtifact(request, binary, manifest.descriptor(), platformBlobs);
        return new PlatformImageBlobs(
                platformBlobs,
                manifest.descriptor()
                        .withPlatform(
                                new Descriptor.Platform(platform.architecture(), platform.os(), platform.variant())),
                new ImageRecord.PlatformImage(
                        binary.target(),
                        platform.toString(),
                        binary.file(),
                        binary.sha256(),
                        "/" + pathInImage,
                        manifest.descriptor().digest(),
                        config.descriptor().digest(),
                        layerDescriptors.stream().map(Descriptor::digest).toList()),
                sbom);
    }

    /**
     * The SBOM verify wrote for this binary, as an OCI artifact whose subject is the platform's manifest
     * (image-spec 1.1 referrers): its blobs are added to {@code blobs}; null when there is no SBOM, or it does
     * not name the binary's SHA-256 (written for another build of it).
     */
    private Descriptor sbomArtifact(ImageRequest request, BuiltBinary binary, Descriptor manifest, List<Blob> blobs)
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
        blobs.addAll(List.of(layer, empty, artifact));
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
