package io.github.staticgo.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that take only the binaries verify passed (image, embed): where build.json and verify's report are. */
abstract class AbstractVerifiedBinariesMojo extends AbstractStaticGoMojo {
    /**
     * The build goal's output directory, whose build.json lists the binaries.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.outputDirectory", defaultValue = "${project.build.directory}/static-go")
    protected File outputDirectory;

    /**
     * The verify goal's report, whose verdicts say which binaries may be used.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "static-go.verify.report",
            defaultValue = "${project.build.directory}/static-go/verify-report.json")
    protected File reportFile;
}
