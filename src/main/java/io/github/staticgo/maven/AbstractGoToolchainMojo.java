package io.github.staticgo.maven;

import io.github.staticgo.toolchain.GoToolchainRequest;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that decide which go runs, where, and how it compiles, shared by every goal that runs
 * go (build and test) so that tests are compiled the way the binaries are.
 */
abstract class AbstractGoToolchainMojo extends AbstractGoMojo {
    /**
     * The Go module directory, the one holding go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.sourceDirectory", defaultValue = "${project.basedir}/src/main/go")
    protected File sourceDirectory;

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

    /** Which go to run, in the module directory, with Maven's environment to filter. */
    protected GoToolchainRequest toolchainRequest() {
        return toolchainRequest(sourceDirectory.toPath());
    }
}
