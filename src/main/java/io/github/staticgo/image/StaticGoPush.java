package io.github.staticgo.image;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.HumanSize;
import io.github.staticgo.Json;
import io.github.staticgo.oci.Credentials;
import io.github.staticgo.oci.DockerConfig;
import io.github.staticgo.oci.ImageReference;
import io.github.staticgo.oci.OciLayout;
import io.github.staticgo.oci.PlainHttp;
import io.github.staticgo.oci.RegistryClient;
import io.github.staticgo.oci.RegistryException;
import io.github.staticgo.oci.RegistryPush;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The push goal without Maven: sends the image the image goal wrote to the registry its name says. */
public final class StaticGoPush {
    public static final String RECORD_FILE = "push.json";

    private final BuildLog log;

    public StaticGoPush(BuildLog log) {
        this.log = log;
    }

    /**
     * What one push did, as push.json records it.
     *
     * @param reference registry/repository
     * @param millis how long the push took
     */
    public record PushRecord(String reference, RegistryPush.Pushed pushed, long millis) {}

    public PushRecord push(PushRequest request)
            throws ConfigurationException, RegistryException, IOException, ImageException {
        if (!Files.isRegularFile(request.imageDirectory().resolve(ImageRecord.FILE_NAME))) {
            throw new ImageException("There is no " + ImageRecord.FILE_NAME + " in " + request.imageDirectory()
                    + ": run static-go:image before static-go:push.");
        }
        ImageRecord image = ImageRecord.read(request.imageDirectory());
        if (image.name() == null) {
            throw new ConfigurationException(
                    "image.name",
                    "static-go:push needs the registry and repository to push to, e.g. "
                            + "<name>registry.example.com/team/sidecar</name>.");
        }
        ImageReference reference = ImageReference.parse(image.name(), "image.name");
        PlainHttp plainHttp = new PlainHttp(request.insecureRegistries());
        boolean insecure = plainHttp.named(reference.registry());
        Credentials credentials = credentials(
                        request.servers(), request.dockerConfig(), reference.registry(), request.timeout())
                .orElse(null);
        log.info("Pushing " + reference + " (" + String.join(", ", image.tags()) + ") over "
                + (reference.loopback() || insecure
                        ? "plain HTTP (" + (insecure ? "an insecure registry" : "loopback") + ")"
                        : "HTTPS")
                + (credentials == null ? " without credentials" : " as " + credentials));
        long started = System.nanoTime();
        // A base's layers in another repository of the same registry are mounted from there, not uploaded.
        Map<String, String> mountable = new LinkedHashMap<>();
        ImageReference base =
                image.base() == null ? null : ImageReference.parse(image.base().repository(), "image.base");
        if (base != null && base.registry().equals(reference.registry())) {
            image.base().layers().forEach(layer -> mountable.put(layer, base.repository()));
        }
        RegistryPush.Pushed pushed;
        try (RegistryClient client = new RegistryClient(
                reference,
                plainHttp,
                request.network(),
                credentials,
                request.timeout(),
                Set.copyOf(mountable.values()))) {
            pushed = RegistryPush.push(new OciLayout(Path.of(image.layout())), client, image.tags(), mountable);
        }
        PushRecord record = new PushRecord(reference.toString(), pushed, (System.nanoTime() - started) / 1_000_000);
        log.info("Pushed " + reference + "@" + pushed.indexDigest() + ": "
                + pushed.uploaded().size()
                + " blobs uploaded (" + HumanSize.of(pushed.uploadedBytes()) + "), "
                + pushed.present().size()
                + " already there, "
                + (pushed.mounted().isEmpty()
                        ? ""
                        : pushed.mounted().size() + " mounted from "
                                + image.base().repository() + ", ")
                + "in " + record.millis() + " ms");
        Json.writeFile(request.imageDirectory().resolve(RECORD_FILE), record);
        return record;
    }

    /**
     * The credentials for {@code registry}: the settings.xml server, else the Docker config; for push and pull.
     *
     * @param timeout how long a Docker credential helper may take
     */
    static Optional<Credentials> credentials(
            PushRequest.Servers servers, DockerConfig dockerConfig, String registry, Duration timeout)
            throws IOException, RegistryException {
        Optional<Credentials> fromSettings = servers.find(registry);
        if (fromSettings.isPresent()) {
            return fromSettings;
        }
        return dockerConfig == null ? Optional.empty() : dockerConfig.credentials(registry, timeout);
    }
}
