package io.github.staticgo.maven;

import io.github.staticgo.embed.EmbedException;
import io.github.staticgo.embed.StaticGoEmbed;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts the verified binaries into the project's output classes, so that its jar carries them:
 * {@code META-INF/static-go/<name>/<os>-<arch>[-<variant>]/<name>[.exe]} and
 * {@code META-INF/static-go/index.properties}. Only binaries and the index, never build.json or state. verify must
 * run before it: bind both to {@code prepare-package}, verify first.
 */
@Mojo(name = "embed", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public final class EmbedMojo extends AbstractVerifiedBinariesMojo {

    /**
     * The class-path directory the binaries go into; Maven's jar plugin packages it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.embed.classesDirectory", defaultValue = "${project.build.outputDirectory}")
    private File classesDirectory;

    /**
     * The layout's directory below {@code classesDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.embed.prefix", defaultValue = StaticGoEmbed.DEFAULT_PREFIX)
    private String prefix;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.embed.skip", defaultValue = "false")
    private boolean skipEmbed;

    @Override
    protected boolean goalSkipped() {
        return skipEmbed;
    }

    @Override
    protected String goalName() {
        return "embed";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        try {
            for (StaticGoEmbed.Embedded embedded : StaticGoEmbed.embed(new StaticGoEmbed.EmbedRequest(
                    outputDirectory.toPath(), reportFile.toPath(), classesDirectory.toPath(), prefix))) {
                getLog().info("Embedded " + embedded.binary().target() + " "
                        + embedded.binary().file() + " as " + embedded.resource());
            }
        } catch (EmbedException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:embed could not read or write: " + e.getMessage(), e);
        }
    }
}
