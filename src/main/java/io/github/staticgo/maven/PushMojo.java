package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.image.ImageException;
import io.github.staticgo.image.PushRequest;
import io.github.staticgo.image.StaticGoPush;
import io.github.staticgo.oci.DockerConfig;
import io.github.staticgo.oci.RegistryException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes the image static-go:image wrote to the registry its {@code <image><name>} names, with the OCI
 * distribution API: blobs the registry lacks, the manifests and the index by digest, then the tags. In the deploy
 * phase by default. Credentials: the settings.xml {@code <server>} whose id is the registry's host[:port], else
 * the Docker config file (its credential helpers, then its {@code auths}), as README's "Credentials" says.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public final class PushMojo extends AbstractStaticGoMojo {
    /**
     * Where static-go:image wrote the image and its image.json.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.image.directory", defaultValue = "${project.build.directory}/static-go-image")
    private File imageDirectory;

    /**
     * Registries (host[:port], as in the image name) that may be spoken to in plain HTTP. Loopback registries
     * (localhost, 127.x.y.z, ::1) are spoken to in plain HTTP without being named; every other one in HTTPS.
     * On the command line: {@code -Dstatic-go.push.insecureRegistries=host1:5000,host2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.push.insecureRegistries")
    private List<String> insecureRegistries;

    /**
     * Seconds one request to the registry (or its token service) may take, and a Docker credential helper to
     * answer.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.push.timeout", defaultValue = "120")
    private int timeout;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.push.skip", defaultValue = "false")
    private boolean skipPush;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    @Inject
    public PushMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected boolean goalSkipped() {
        return skipPush;
    }

    @Override
    protected String goalName() {
        return "push";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        try {
            new StaticGoPush(buildLog())
                    .push(new PushRequest(
                            imageDirectory.toPath(),
                            new SettingsServers(settings, decrypter),
                            DockerConfig.of(System.getenv(), Path.of(System.getProperty("user.home"))),
                            insecureRegistries == null ? List.of() : insecureRegistries,
                            network(decrypter),
                            Duration.ofSeconds(timeout)));
        } catch (ConfigurationException | RegistryException | ImageException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:push could not read: " + e.getMessage(), e);
        }
    }
}
