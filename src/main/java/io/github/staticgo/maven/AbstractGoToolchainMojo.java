package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.GoToolchainRequest;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters that decide how go compiles, shared by the goals that compile (build and test) so that
 * tests are compiled the way the binaries are.
 */
abstract class AbstractGoToolchainMojo extends AbstractGoMojo {
    /**
     * Where the up-to-date records of each binary, the file digests, go's platform list and the kept
     * answers of go env and of pattern expansion are kept.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/static-go-state", readonly = true)
    protected File stateDirectory;

    /**
     * The cgo mode of targets that do not set their own: {@code off} (CGO_ENABLED=0), {@code musl}
     * (static cgo with musl-gcc) or {@code on} (CGO_ENABLED=1, linkage is yours to check).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.cgo", defaultValue = "off")
    protected String cgo;

    /**
     * Build tags for every target; a target's own {@code <tags>} are added to them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.tags")
    protected List<String> tags;

    /**
     * Environment variables for every go build; a target's own {@code <env>} wins. GOOS, GOARCH,
     * CGO_ENABLED, CC and GOTOOLCHAIN have their own elements and are refused here.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> env;

    /**
     * Passes {@code -trimpath}, removing file system paths from the binary (needed for reproducible builds).
     * The test goal passes it too, with {@code gcflags} and {@code asmflags}, so that go test reuses the
     * packages the build compiled instead of compiling every dependency again.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.trimpath", defaultValue = "true")
    protected boolean trimpath;

    /**
     * Passed as {@code -gcflags}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.gcflags")
    protected String gcflags;

    /**
     * Passed as {@code -asmflags}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.asmflags")
    protected String asmflags;

    protected AbstractGoToolchainMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** Which go to run, in the module directory. */
    protected GoToolchainRequest toolchainRequest() throws ConfigurationException {
        return toolchainRequest(sourceDirectory.toPath())
                .withKeptAnswers(stateDirectory.toPath().resolve(GoToolchain.KEPT_ENV_FILE));
    }
}
