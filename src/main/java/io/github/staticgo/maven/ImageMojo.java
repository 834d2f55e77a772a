package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.image.BaseImage;
import io.github.staticgo.image.ImageException;
import io.github.staticgo.image.ImageRecord;
import io.github.staticgo.image.ImageRequest;
import io.github.staticgo.image.ScratchFiles;
import io.github.staticgo.image.StaticGoImage;
import io.github.staticgo.manifest.OutputTimestamp;
import io.github.staticgo.oci.DockerConfig;
import io.github.staticgo.oci.PullReference;
import io.github.staticgo.oci.RegistryException;
import io.github.staticgo.toolchain.provision.ToolchainProvisioner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Assembles the Linux binaries verify passed into a multi-platform OCI image from scratch: an OCI layout and an OCI
 * archive under {@code target/static-go-image}, no Docker daemon. Bind it after verify, in the verify phase.
 */
@Mojo(name = "image", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ImageMojo extends AbstractVerifiedBinariesMojo {
    /** The host's CA bundle, where Debian's ca-certificates (and Go, first) put it. */
    private static final Path HOST_CA_CERTIFICATES = Path.of("/etc/ssl/certs/ca-certificates.crt");
    /** The host's time zone data, where tzdata (and Go) put it. */
    private static final Path HOST_ZONE_INFO = Path.of("/usr/share/zoneinfo");

    /**
     * The image. Elements: {@code name} (registry-host[:port]/repository, for static-go:push), {@code tags}
     * ({@code <tag>}s; default the project version), {@code binary} (which binary, when build.json has several per
     * platform), {@code entrypoint} and {@code args} ({@code <arg>}s; default the binary alone),
     * {@code environment} ({@code <NAME>value</NAME>}), {@code workingDirectory}, {@code user} (default the
     * non-root user's uid:gid), {@code ports} ({@code <port>8080</port>}, {@code 53/udp}), {@code labels},
     * {@code annotations}; and the files from scratch: {@code caCertificates} ({@code host}, the default, a PEM
     * file, or {@code none}), {@code nonRootUser} (true: /etc/passwd and /etc/group with {@code userName}
     * nonroot, {@code uid} and {@code gid} 65532), {@code timeZones} ({@code none}, the default, {@code host}, or
     * a zoneinfo directory); and {@code base}: an image from a registry to build on
     * ({@code registry/repository:tag} or {@code @sha256:<digest>}), each platform's image on the base's image for
     * it, with no CA certificates or non-root user of ours unless asked for.
     *
     * @since 0.1.0
     */
    @Parameter
    private Image image;

    /**
     * Where the OCI layout ({@code layout/}), the OCI archive ({@code image-oci.tar}) and {@code image.json} go.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.directory", defaultValue = "${project.build.directory}/static-go-image")
    private File imageDirectory;

    /**
     * Attaches the OCI archive to the project (type {@code tar}, classifier {@code oci}), so install and deploy
     * carry it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.attach", defaultValue = "false")
    private boolean attach;

    /**
     * The time of every file in the image and its {@code created} date, for reproducible images.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * The {@code org.opencontainers.image.source} annotation; default the project's SCM URL, else its URL.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.source")
    private String source;

    /**
     * The {@code org.opencontainers.image.revision} annotation, e.g. {@code -Dstatic-go.image.revision=$(git
     * rev-parse HEAD)}; none when unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.revision")
    private String revision;

    /**
     * Assembles the image even when nothing it is made of changed since the last one (the verified binaries, the
     * image settings, the scratch files, the base image) and its files are as that run left them; without it such
     * a run logs "Image up to date" and writes nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.force", defaultValue = "false")
    private boolean force;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /**
     * Where base images' indexes, manifests, configs and layers are kept, shared by all builds (each checked
     * against its digest when used). Default: {@code static-go/oci} in the user's cache directory, beside the
     * provisioned toolchains.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.cache")
    private File imageCache;

    /**
     * Registries (host[:port]) a base image may be pulled from in plain HTTP, as for static-go:push; loopback
     * names need not be listed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.push.insecureRegistries")
    private List<String> insecureRegistries;

    /**
     * Seconds one request to the base image's registry may take.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.push.timeout", defaultValue = "120")
    private int registryTimeout;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings mavenSettings;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.skip", defaultValue = "false")
    private boolean skipImage;

    private final MavenProjectHelper projectHelper;
    private final SettingsDecrypter decrypter;

    @Inject
    public ImageMojo(MavenProjectHelper projectHelper, SettingsDecrypter decrypter) {
        this.projectHelper = projectHelper;
        this.decrypter = decrypter;
    }

    @Override
    protected boolean goalSkipped() {
        return skipImage;
    }

    @Override
    protected String goalName() {
        return "image";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Image settings = image == null ? new Image() : image;
        ImageRecord record;
        long started = System.nanoTime();
        try {
            Instant time = OutputTimestamp.parse(outputTimestamp).orElse(null);
            record = new StaticGoImage(buildLog())
                    .assemble(ImageRequest.builder()
                            .outputDirectory(outputDirectory.toPath())
                            .verifyReport(reportFile.toPath())
                            .imageDirectory(imageDirectory.toPath())
                            .binaryName(settings.binary)
                            .name(settings.name)
                            .tags(
                                    settings.tags == null || settings.tags.isEmpty()
                                            ? List.of(project.getVersion())
                                            : settings.tags)
                            .scratchFiles(scratchFiles(settings))
                            .entrypoint(orEmpty(settings.entrypoint))
                            .args(orEmpty(settings.args))
                            .environment(settings.environment == null ? Map.of() : settings.environment)
                            .workingDirectory(settings.workingDirectory)
                            .user(settings.user)
                            .ports(orEmpty(settings.ports))
                            .labels(settings.labels == null ? Map.of() : settings.labels)
                            .annotations(annotations(settings, time))
                            .time(time)
                            .localName(localName())
                            .pluginVersion(pluginVersion)
                            .force(force)
                            .base(base(settings))
                            .build());
        } catch (ConfigurationException | ImageException | RegistryException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:image could not read or write: " + e.getMessage(), e);
        }
        record.summaryTable().forEach(getLog()::info);
        getLog().info("Image index " + record.indexDigest() + " (" + String.join(", ", record.tags()) + ") in "
                + (System.nanoTime() - started) / 1_000_000 + " ms: " + record.layout() + ", " + record.archive());
        if (attach) {
            projectHelper.attachArtifact(project, "tar", "oci", new File(record.archive()));
        }
    }

    /**
     * The repository the archive names an image without a {@code <name>} after: the artifactId, in the lower case
     * and separators an image name allows.
     */
    private String localName() {
        String name = project.getArtifactId()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return name.isEmpty() ? "image" : name;
    }

    /** The base image, pulled through the shared cache with the credentials a push would use; null for none. */
    private BaseImage base(Image image) throws ConfigurationException {
        if (image.base == null || image.base.isBlank()) {
            return null;
        }
        PullReference reference = PullReference.parse(image.base, "image.base");
        return new BaseImage(
                reference,
                imageCache != null
                        ? imageCache.toPath()
                        : ToolchainProvisioner.defaultCache(System.getenv()).resolveSibling("oci"),
                session.isOffline(),
                BaseImage.registry(
                        reference,
                        new SettingsServers(mavenSettings, decrypter),
                        DockerConfig.of(System.getenv(), Path.of(System.getProperty("user.home"))),
                        insecureRegistries == null ? List.of() : insecureRegistries,
                        network(decrypter),
                        Duration.ofSeconds(registryTimeout)),
                buildLog());
    }

    private ScratchFiles scratchFiles(Image settings) {
        Path base = project.getBasedir().toPath();
        boolean scratch = settings.base == null || settings.base.isBlank();
        String caCertificates = settings.caCertificates != null ? settings.caCertificates : scratch ? "host" : "none";
        boolean nonRootUser = settings.nonRootUser != null ? settings.nonRootUser : scratch;
        Path certificates = switch (caCertificates) {
            case "host" -> HOST_CA_CERTIFICATES;
            case "none" -> null;
            default -> base.resolve(caCertificates);
        };
        Path zoneInfo = switch (settings.timeZones == null ? "none" : settings.timeZones) {
            case "host" -> HOST_ZONE_INFO;
            case "none" -> null;
            default -> base.resolve(settings.timeZones);
        };
        return new ScratchFiles(
                certificates,
                nonRootUser ? new ScratchFiles.NonRootUser(settings.userName, settings.uid, settings.gid) : null,
                zoneInfo);
    }

    /** The OCI annotations the image spec predefines, from the project, then the pom's own. */
    private Map<String, String> annotations(Image settings, Instant time) {
        Map<String, String> annotations = new TreeMap<>();
        String sourceUrl = source != null
                ? source
                : project.getScm() != null && project.getScm().getUrl() != null
                        ? project.getScm().getUrl()
                        : project.getUrl();
        putIfSet(annotations, "org.opencontainers.image.source", sourceUrl);
        putIfSet(annotations, "org.opencontainers.image.version", project.getVersion());
        putIfSet(annotations, "org.opencontainers.image.revision", revision);
        putIfSet(annotations, "org.opencontainers.image.created", time == null ? null : time.toString());
        if (settings.annotations != null) {
            annotations.putAll(settings.annotations);
        }
        return annotations;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }
}
