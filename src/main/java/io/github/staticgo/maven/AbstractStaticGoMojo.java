package io.github.staticgo.maven;

import io.github.staticgo.BuildLog;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

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
            getLog().info("Skipping static-go:" + goalName() + (skip ? " (static-go.skip)" : " (static-go." + goalName() + ".skip)"));
            return;
        }
        run();
    }

    /** The goal's own skip parameter. */
    protected abstract boolean goalSkipped();

    protected abstract String goalName();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }
}
