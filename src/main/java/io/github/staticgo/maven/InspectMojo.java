package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import io.github.staticgo.verify.VerifyReport;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyzes one file, or every file under a directory, without a project: logs the verify table and
 * writes the same JSON. Fails only when {@code static-go.expect} is given and a binary does not match it.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public final class InspectMojo extends AbstractStaticGoMojo {
    /**
     * The file or directory to analyze.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.inspect", required = true)
    private File inspect;

    /**
     * Where the JSON report is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.report", defaultValue = "static-go-inspect.json")
    private File report;

    /**
     * The platform every binary must be for, {@code os/arch[/variant]}; an ELF expectation also
     * requires a static binary. Files of no executable format are listed, not checked.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.expect")
    private String expect;

    @Override
    protected boolean goalSkipped() {
        return false;
    }

    @Override
    protected String goalName() {
        return "inspect";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        VerifyReport result;
        try {
            result = StaticGoVerify.verify(
                    StaticGoVerify.underPath(
                            inspect.toPath(), expect, expect == null || expect.isBlank() ? null : knownPlatforms(null)),
                    VerifyPolicy.DEFAULTS,
                    true,
                    report.toPath());
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:inspect could not read or write: " + e.getMessage(), e);
        }
        result.summaryTable().forEach(getLog()::info);
        getLog().info("Report: " + report.getAbsolutePath());
        if (!result.ok()) {
            throw new MojoFailureException(result.failureMessage());
        }
    }
}
