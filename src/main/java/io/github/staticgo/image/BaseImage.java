package io.github.staticgo.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.oci.Blob;
import io.github.staticgo.oci.Descriptor;
import io.github.staticgo.oci.DockerConfig;
import io.github.staticgo.oci.ImageReference;
import io.github.staticgo.oci.MediaTypes;
import io.github.staticgo.oci.PlainHttp;
import io.github.staticgo.oci.PullReference;
import io.github.staticgo.oci.RegistryClient;
import io.github.staticgo.oci.RegistryException;
import io.github.staticgo.platform.OciPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A base image from a registry, resolved for each platform of the image: its index (or single manifest), the
 * manifest whose os/architecture/variant is the platform's, that manifest's config and layers. Every document
 * and blob goes through a cache shared by all builds ({@code blobs/sha256/<hex>}, checked against its digest on
 * every use; a tag's last digest under {@code tags/}), so an unchanged base is fetched once and an offline build
 * uses what is cached or fails saying so.
 */
public final class BaseImage {
    static final String ELEMENT = "image.base";

    /**
     * The base for one platform.
     *
     * @param manifest the base's manifest for the platform, as the index names it
     * @param config the base's config document, whose settings the image's own override
     * @param layers the base's layers, in order, their media types OCI's
     * @param layerFiles each layer's file in the cache
     */
    public record ForPlatform(Descriptor manifest, JsonObject config, List<Descriptor> layers, List<Path> layerFiles) {
        /** The base layers' uncompressed digests, from the config's rootfs. */
        public List<String> diffIds() {
            List<String> ids = new ArrayList<>();
            config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids").forEach(id -> ids.add(id.getAsString()));
            return ids;
        }
    }

    private final PullReference reference;
    private final Path cache;
    private final boolean offline;
    private final Registry registry;
    private final BuildLog log;
    private RegistryClient client;

    /** Opens the client for the base's repository, only when something must be fetched. */
    @FunctionalInterface
    public interface Registry {
        RegistryClient open() throws IOException, RegistryException;
    }

    /**
     * The registry of {@code reference} with the credentials a push to it would have (settings.xml, else the Docker
     * config), in plain HTTP only for a loopback name or one of {@code insecureRegistries}, through the
     * settings.xml proxies as a push.
     */
    public static Registry registry(
            PullReference reference,
            PushRequest.Servers servers,
            DockerConfig dockerConfig,
            List<String> insecureRegistries,
            NetworkSettings network,
            Duration timeout) {
        ImageReference image = reference.image();
        return () -> new RegistryClient(
                image,
                ELEMENT,
                new PlainHttp(insecureRegistries),
                network,
                StaticGoPush.credentials(servers, dockerConfig, image.registry(), timeout)
                        .orElse(null),
                timeout);
    }

    public BaseImage(PullReference reference, Path cache, boolean offline, Registry registry, BuildLog log) {
        this.reference = reference;
        this.cache = cache;
        this.offline = offline;
        this.registry = registry;
        this.log = log;
    }

    public PullReference reference() {
        return reference;
    }

    /** The base for each of {@code platforms}, failing, naming {@code <image><base>}, when one has none. */
    public Map<OciPlatform, ForPlatform> resolve(Collection<OciPlatform> platforms)
            throws ConfigurationException, RegistryException, IOException {
        try {
            return resolved(platforms);
        } finally {
            // Everything is fetched by now: the client's proxy relays, if any, are not needed any more.
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private Map<OciPlatform, ForPlatform> resolved(Collection<OciPlatform> platforms)
            throws ConfigurationException, RegistryException, IOException {
        Fetched top = top();
        JsonObject document = parse(top.content());
        String mediaType = document.has("mediaType")
                ? document.get("mediaType").getAsString()
                : Objects.toString(top.mediaType(), "");
        Map<OciPlatform, ForPlatform> bases = new LinkedHashMap<>();
        if (mediaType.equals(MediaTypes.INDEX) || mediaType.equals(MediaTypes.DOCKER_MANIFEST_LIST)) {
            List<String> offered = new ArrayList<>();
            Map<String, Descriptor> byPlatform = new LinkedHashMap<>();
            for (JsonElement entry : document.getAsJsonArray("manifests")) {
                JsonObject manifest = entry.getAsJsonObject();
                if (!manifest.has("platform")) {
                    continue;
                }
                JsonObject platform = manifest.getAsJsonObject("platform");
                String key = key(string(platform, "os"), string(platform, "architecture"), string(platform, "variant"));
                // Attestations and SBOMs of build tools sit in indexes as platform unknown/unknown.
                if (!key.startsWith("unknown/")) {
                    offered.add(key);
                    byPlatform.putIfAbsent(key, descriptor(manifest));
                }
            }
            for (OciPlatform platform : platforms) {
                Descriptor manifest = byPlatform.get(key(platform));
                if (manifest == null) {
                    throw lacks(platform, offered);
                }
                bases.put(
                        platform,
                        forPlatform(manifest, manifest(manifest.digest()).content()));
            }
        } else if (mediaType.equals(MediaTypes.MANIFEST) || mediaType.equals(MediaTypes.DOCKER_MANIFEST)) {
            Descriptor manifest = new Descriptor(mediaType, top.digest(), top.content().length, null, null);
            ForPlatform only = forPlatform(manifest, top.content());
            String key = key(
                    string(only.config(), "os"),
                    string(only.config(), "architecture"),
                    string(only.config(), "variant"));
            for (OciPlatform platform : platforms) {
                if (!key.equals(key(platform))) {
                    throw lacks(platform, List.of(key));
                }
                bases.put(platform, only);
            }
        } else {
            throw new ConfigurationException(
                    ELEMENT, reference + " is a " + mediaType + ", not an image index or manifest.");
        }
        return bases;
    }

    private ConfigurationException lacks(OciPlatform platform, List<String> offered) {
        return new ConfigurationException(
                ELEMENT,
                reference + " has no image for " + key(platform) + " (it has " + String.join(", ", offered)
                        + "): name a base that has every target's platform, or leave the target out of the image.");
    }

    /** One platform's manifest, its config and its layers, from the cache or fetched into it. */
    private ForPlatform forPlatform(Descriptor manifest, byte[] content)
            throws ConfigurationException, RegistryException, IOException {
        JsonObject document = parse(content);
        Descriptor configDescriptor = descriptor(document.getAsJsonObject("config"));
        JsonObject config = parse(fetch(configDescriptor).content());
        List<Descriptor> layers = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (JsonElement element : document.getAsJsonArray("layers")) {
            Descriptor layer = descriptor(element.getAsJsonObject());
            String type = switch (layer.mediaType()) {
                case MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.LAYER_GZIP -> MediaTypes.LAYER_GZIP;
                case MediaTypes.LAYER, MediaTypes.LAYER_ZSTD -> layer.mediaType();
                default ->
                    throw new ConfigurationException(
                            ELEMENT,
                            reference + " has a layer of type " + layer.mediaType()
                                    + ", which an image from it could not carry: name another base.");
            };
            files.add(fetch(layer).file());
            layers.add(new Descriptor(type, layer.digest(), layer.size(), null, null));
        }
        return new ForPlatform(
                new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), null, null),
                config,
                layers,
                files);
    }

    private record Fetched(String mediaType, String digest, byte[] content, Path file) {}

    /** The index or manifest the reference names: by digest from the cache, by tag from the registry. */
    private Fetched top() throws ConfigurationException, RegistryException, IOException {
        Path tagFile = reference.tag() == null
                ? null
                : cache.resolve("tags")
                        .resolve(reference.image().registry().replace(':', '_'))
                        .resolve(reference.image().repository())
                        .resolve(reference.tag());
        String digest = reference.digest();
        if (digest == null && offline) {
            if (!Files.isRegularFile(tagFile)) {
                throw new ConfigurationException(
                        ELEMENT,
                        "Maven is offline and " + reference + " was never fetched" + " into the cache " + cache
                                + ": build once online, or name the base by its digest.");
            }
            digest = Files.readString(tagFile).trim();
            log.info("Image base " + reference + ": offline, the digest last fetched for the tag, " + digest);
        }
        if (digest != null) {
            return manifest(digest);
        }
        RegistryClient.Manifest manifest = client().getManifest(reference.tag());
        Path file = store(manifest.digest(), manifest.content());
        SafeFiles.replace(tagFile, temporary -> Files.writeString(temporary, manifest.digest() + "\n"));
        log.info("Image base " + reference + ": " + manifest.digest());
        return new Fetched(manifest.mediaType(), manifest.digest(), manifest.content(), file);
    }

    /** The manifest or index of this digest, from the cache or from the registry (manifests are not blobs there). */
    private Fetched manifest(String digest) throws ConfigurationException, RegistryException, IOException {
        Path file = blobFile(digest);
        if (Files.isRegularFile(file)) {
            byte[] content = Files.readAllBytes(file);
            if (Blob.digest(content).equals(digest)) {
                return new Fetched(null, digest, content, file);
            }
        }
        if (offline) {
            throw notCached(digest);
        }
        RegistryClient.Manifest manifest = client().getManifest(digest);
        return new Fetched(manifest.mediaType(), digest, manifest.content(), store(digest, manifest.content()));
    }

    /** A document or blob a manifest names, from the cache (checked) or fetched into it. */
    private Fetched fetch(Descriptor descriptor) throws ConfigurationException, RegistryException, IOException {
        Path file = blobFile(descriptor.digest());
        if (Files.isRegularFile(file)
                && Files.size(file) == descriptor.size()
                && ("sha256:" + FileDigest.sha256(file)).equals(descriptor.digest())) {
            return new Fetched(descriptor.mediaType(), descriptor.digest(), small(descriptor, file), file);
        }
        if (Files.isRegularFile(file)) {
            log.warn("Image base: the cached " + file + " is not " + descriptor.digest() + "; fetching it again");
        }
        if (offline) {
            throw notCached(descriptor.digest());
        }
        byte[] content = client().getBlob(descriptor);
        return new Fetched(descriptor.mediaType(), descriptor.digest(), content, store(descriptor.digest(), content));
    }

    /** The bytes of a document (config, manifest) to parse; a layer is only used as a file. */
    private static byte[] small(Descriptor descriptor, Path file) throws IOException {
        return descriptor.mediaType().endsWith("json") ? Files.readAllBytes(file) : null;
    }

    private ConfigurationException notCached(String digest) {
        return new ConfigurationException(
                ELEMENT,
                "Maven is offline and " + digest + " of " + reference + " is not in the cache " + cache
                        + ": build once online.");
    }

    private Path store(String digest, byte[] content) throws IOException {
        Path file = blobFile(digest);
        SafeFiles.replace(file, temporary -> Files.write(temporary, content));
        return file;
    }

    private Path blobFile(String digest) {
        return cache.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private RegistryClient client() throws IOException, RegistryException {
        if (client == null) {
            client = registry.open();
        }
        return client;
    }

    private JsonObject parse(byte[] content) throws ConfigurationException {
        try {
            return JsonParser.parseString(new String(content, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new ConfigurationException(
                    ELEMENT, reference + " has a document that is not JSON: " + e.getMessage());
        }
    }

    private static Descriptor descriptor(JsonObject json) {
        return new Descriptor(
                json.get("mediaType").getAsString(),
                json.get("digest").getAsString(),
                json.get("size").getAsLong(),
                null,
                null);
    }

    private static String string(JsonObject json, String name) {
        return json.has(name) && !json.get(name).isJsonNull() ? json.get(name).getAsString() : null;
    }

    private static String key(OciPlatform platform) {
        return key(platform.os(), platform.architecture(), platform.variant());
    }

    /**
     * os/architecture/variant with the variants an index may leave out written in, as containerd matches them:
     * arm64 is v8 and arm is v7 unless they say otherwise.
     */
    private static String key(String os, String architecture, String variant) {
        String normalized = variant;
        if (normalized == null && "arm64".equals(architecture)) {
            normalized = "v8";
        } else if (normalized == null && "arm".equals(architecture)) {
            normalized = "v7";
        }
        return Objects.toString(os, "unknown") + "/" + Objects.toString(architecture, "unknown")
                + (normalized == null ? "" : "/" + normalized);
    }
}
