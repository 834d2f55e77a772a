package io.github.staticgo.maven;

import io.github.staticgo.BuildLog;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Skip handling shared by every goal: {@code static-go.skip} for all of them, and each goal's own. */
abstract class AbstractStaticGoMojo extends AbstractMojo {
    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || goalSkipped()) {
            getLog().info("Skipping static-go:" + goalName()
                    + (skip ? " (static-go.skip)" : " (static-go." + goalName() + ".skip)"));
            return;
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug("External commands: " + ProcessRunner.containmentDescription());
        }
        run();
    }

    /** The goal's own skip parameter. */
    protected abstract boolean goalSkipped();

    protected abstract String goalName();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * Go's platform list for checking platform names (see {@link GoToolchain#knownPlatforms}), or null, with a
     * warning, when no go is at hand: then only the form and the variant of a name are checked.
     */
    protected Map<String, Platform> knownPlatforms(Path keptFile) {
        Path directory = project != null && project.getBasedir() != null
                ? project.getBasedir().toPath()
                : Path.of("");
        Optional<Map<String, Platform>> platforms =
                GoToolchain.knownPlatforms(keptFile, directory, System.getenv(), new ProcessRunner());
        if (platforms.isEmpty()) {
            getLog().warn("No go command found to check platform names against 'go tool dist list': only their form "
                    + "and variant are checked.");
        }
        return platforms.orElse(null);
    }

    /** Maven's offline mode and the active proxies of settings.xml, passwords decrypted. */
    protected NetworkSettings network(SettingsDecrypter settingsDecrypter) {
        Settings settings = session.getSettings();
        List<NetworkSettings.HttpProxy> proxies = new ArrayList<>();
        if (settings != null) {
            List<Proxy> active =
                    settings.getProxies().stream().filter(Proxy::isActive).toList();
            List<Proxy> decrypted = active.isEmpty()
                    ? active
                    : settingsDecrypter
                            .decrypt(new DefaultSettingsDecryptionRequest().setProxies(active))
                            .getProxies();
            for (Proxy proxy : decrypted) {
                proxies.add(new NetworkSettings.HttpProxy(
                        proxy.getId(),
                        proxy.getProtocol(),
                        proxy.getHost(),
                        proxy.getPort(),
                        proxy.getUsername() == null || proxy.getUsername().isBlank() ? null : proxy.getUsername(),
                        proxy.getPassword(),
                        proxy.getNonProxyHosts()));
            }
        }
        return new NetworkSettings(session.isOffline(), proxies);
    }

    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }
}
