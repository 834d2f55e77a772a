package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.UnreadableFileException;
import io.github.staticgo.manifest.OutputTimestamp;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.upx.CompressRequest;
import io.github.staticgo.upx.StaticGoCompress;
import io.github.staticgo.upx.UpxException;
import io.github.staticgo.upx.UpxMissingException;
import io.github.staticgo.upx.UpxOptions;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Packs the built binaries with UPX where asked for and where UPX can: into a new file, tested with
 * {@code upx -t}, then renamed over the binary, keeping the unpacked original for verify.
 */
@Mojo(name = "compress", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public final class CompressMojo extends AbstractStaticGoMojo {
    /**
     * UPX options for every target, and per-target overrides:
     * {@code <upx><enabled>true</enabled><level>best</level><lzma>true</lzma><brute>false</brute>
     * <args><arg>--no-filter</arg></args><force>false</force><targets><target><platform>linux/arm64</platform>
     * <level>9</level></target></targets></upx>}. A {@code <target>} names {@code os/arch} (every variant) or
     * {@code os/arch/variant} (wins over os/arch) and sets only what differs. Off unless enabled.
     *
     * @since 0.1.0
     */
    @Parameter
    private Upx upx;

    /**
     * {@code true} packs every target UPX supports, {@code false} none, whatever {@code <upx>} says.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.upx")
    private Boolean upxEnabled;

    /**
     * The upx program. When unset, {@code upx} on PATH.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.upxExecutable")
    private File upxExecutable;

    /**
     * When UPX is asked for but not installed, warn and leave the binaries unpacked instead of failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.upx.skipIfMissing", defaultValue = "false")
    private boolean skipIfMissing;

    /**
     * When UPX fails on a binary, warn with UPX's message and leave that binary unpacked instead of failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.upx.continueOnError", defaultValue = "false")
    private boolean continueOnError;

    /**
     * The build goal's output directory, whose build.json lists the binaries.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.outputDirectory", defaultValue = "${project.build.directory}/static-go")
    private File outputDirectory;

    /**
     * Where the unpacked originals of packed binaries are kept (verify reads their linkage and Go build info).
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "static-go.upx.unpackedDirectory",
            defaultValue = "${project.build.directory}/static-go/unpacked")
    private File unpackedDirectory;

    /**
     * The modification time given to packed and kept files, for reproducible archives.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Seconds one upx run may take before it is killed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.upx.timeout", defaultValue = "600")
    private int upxTimeout;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.compress.skip", defaultValue = "false")
    private boolean skipCompress;

    @Override
    protected boolean goalSkipped() {
        return skipCompress;
    }

    @Override
    protected String goalName() {
        return "compress";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        try {
            CompressRequest request = new CompressRequest(
                    outputDirectory.toPath(),
                    unpackedDirectory.toPath(),
                    upx == null ? UpxOptions.none() : upx.toOptions(),
                    upx == null ? PlatformOverrides.none() : upx.overrides(),
                    upxEnabled,
                    upxExecutable == null ? null : upxExecutable.toPath(),
                    skipIfMissing,
                    continueOnError,
                    Duration.ofSeconds(upxTimeout),
                    OutputTimestamp.parse(outputTimestamp).orElse(null),
                    System.getenv());
            new StaticGoCompress(new ProcessRunner(), buildLog()).run(request);
        } catch (ConfigurationException | UpxMissingException | UpxException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "static-go:compress could not read or write: " + e.getMessage()
                            + (e instanceof UnreadableFileException
                                    ? ". Run static-go:build again (mvn package) to write it anew."
                                    : ""),
                    e);
        }
    }
}
