package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.gotest.GoTestException;
import io.github.staticgo.gotest.GoTestRequest;
import io.github.staticgo.gotest.GoTestSummary;
import io.github.staticgo.gotest.StaticGoTest;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.CompileFlags;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs {@code go test} over the module's packages on the host, compiled with the build's cgo mode, tags
 * and environment, and writes one Surefire test report per Go package, so CI shows Go and Java test
 * results side by side. Follows Maven's conventions: {@code -DskipTests}, {@code -Dmaven.test.skip},
 * {@code -Dmaven.test.failure.ignore} and {@code -Dtest}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class TestMojo extends AbstractGoToolchainMojo {
    @Inject
    public TestMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /**
     * The packages to test, as go test takes them: {@code ./...}, {@code ./server/...}, import paths.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.packages", defaultValue = "./...")
    private List<String> testPackages;

    /**
     * Selects tests as Surefire's {@code -Dtest} does, mapped to go test's {@code -run}/{@code -skip}:
     * comma-separated whole test names with {@code *} wildcards, subtests after {@code /} or {@code #},
     * exclusions with {@code !}. For example {@code -Dtest=TestAdd*,TestTable/one,!TestSlow}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "test")
    private String test;

    /**
     * Runs the tests with the race detector ({@code -race}); it needs cgo, so set {@code <cgo>on</cgo>}
     * for this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.race", defaultValue = "false")
    private boolean race;

    /**
     * Passed as {@code -count}; {@code 1} runs tests even when go has a cached result for them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.count")
    private Integer count;

    /**
     * Passed as {@code -timeout}: how long one package's tests may run, as a Go duration ({@code 90s},
     * {@code 10m}); go's default is 10m.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.timeout")
    private String timeout;

    /**
     * Seconds the whole go test run may take before it and every process it started are killed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.processTimeout", defaultValue = "3600")
    private int processTimeout;

    /**
     * Measures coverage into {@code coverageFile} ({@code -coverprofile}) and logs the total.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.coverage", defaultValue = "false")
    private boolean coverage;

    /**
     * Where the coverage profile is written; read it with {@code go tool cover -html=<file>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.coverageFile", defaultValue = "${project.build.directory}/go-coverage.out")
    private File coverageFile;

    /**
     * Further go test arguments, each passed as it is, before the packages ({@code -short}, {@code -shuffle=on},
     * {@code -bench=.}, {@code -coverpkg=./...}).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> testFlags;

    /**
     * The platform to test for, {@code os/arch[/variant]}; the host's by default. A linux platform of
     * another architecture runs under qemu-user ({@code qemu-<arch>-static} or {@code qemu-<arch>} on PATH)
     * unless {@code testExec} names another program.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.platform")
    private String testPlatform;

    /**
     * Passed as {@code -exec}: the program that runs each test binary, e.g. {@code qemu-aarch64 -L /usr/aarch64-linux-gnu}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.exec")
    private String testExec;

    /**
     * Where the test reports ({@code TEST-<package>.xml}) are written.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "static-go.test.reportsDirectory",
            defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /**
     * Logs failing tests as a warning instead of failing the build, as Surefire does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /**
     * Skips running the tests, like every test plugin ({@code -DskipTests}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * Skips the tests, as {@code -Dmaven.test.skip=true} does for Surefire.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.test.skip", defaultValue = "false")
    private boolean skipTest;

    @Override
    protected boolean goalSkipped() {
        return skipTest;
    }

    @Override
    protected String goalName() {
        return "test";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (skipTests || mavenTestSkip) {
            getLog().info("Tests are skipped.");
            return;
        }
        GoTestSummary summary;
        try {
            summary = new StaticGoTest(new ProcessRunner(), buildLog()).run(request());
        } catch (ConfigurationException | ToolchainException | GoTestException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:test could not write its reports: " + e.getMessage(), e);
        }
        summary.logClosingBlock(buildLog(), test);
        if (summary.ok()) {
            return;
        }
        if (testFailureIgnore) {
            getLog().warn(summary.failureMessage());
        } else {
            throw new MojoFailureException(summary.failureMessage());
        }
    }

    private GoTestRequest request() throws ConfigurationException {
        return GoTestRequest.builder(sourceDirectory.toPath(), toolchainRequest(), reportsDirectory.toPath())
                .cgo(cgo)
                .platform(testPlatform)
                .exec(testExec)
                .packages(testPackages)
                .tags(tags == null ? List.of() : tags)
                .env(env == null ? Map.of() : env)
                .race(race)
                .count(count)
                .timeout(timeout)
                .coverageFile(coverage ? coverageFile.toPath() : null)
                .testFlags(testFlags == null ? List.of() : testFlags)
                .testPattern(test)
                .processTimeout(Duration.ofSeconds(processTimeout))
                .compileFlags(new CompileFlags(trimpath, gcflags, asmflags))
                .build();
    }
}
