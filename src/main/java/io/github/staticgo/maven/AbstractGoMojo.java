package io.github.staticgo.maven;

import io.github.staticgo.toolchain.GoToolchainRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that decide which go runs, shared by every goal that runs go (build, test, and verify's govulncheck). */
abstract class AbstractGoMojo extends AbstractStaticGoMojo {
    /**
     * The go command to use. When unset: {@code $GOROOT/bin/go}, then {@code go} on PATH.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goExecutable")
    protected File goExecutable;

    /**
     * An exact Go release (e.g. {@code 1.22.5}) to build with. An installed go runs with
     * {@code GOTOOLCHAIN=go<version>} and fetches and checksum-verifies that toolchain itself; a go the
     * plugin provisions (see {@code goProvisioning}) is that release.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goVersion")
    protected String goVersion;

    /**
     * Seconds each go query may take before it and its children are killed: {@code go env},
     * {@code go tool dist list}, {@code go mod edit -json} and the like. With {@code goVersion}, the first
     * {@code go env} downloads that toolchain, which over a slow proxy takes minutes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.queryTimeout", defaultValue = "600")
    protected int queryTimeout;

    /** Which go to run, in {@code directory}, with Maven's environment to filter. */
    protected GoToolchainRequest toolchainRequest(Path directory) {
        return new GoToolchainRequest(
                goExecutable == null ? null : goExecutable.toPath(),
                goVersion,
                session.isOffline(),
                directory,
                System.getenv(),
                Duration.ofSeconds(queryTimeout));
    }
}
