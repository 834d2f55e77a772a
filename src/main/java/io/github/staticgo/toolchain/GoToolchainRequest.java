package io.github.staticgo.toolchain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What selects the Go toolchain.
 *
 * @param goExecutable the configured go command, or null to search GOROOT and PATH
 * @param goVersion an exact Go release to run through GOTOOLCHAIN, or null for the one found
 * @param offline Maven runs offline: go gets GOPROXY=off
 * @param moduleDirectory where go runs, so that go.mod's toolchain rules apply as they do for the user
 * @param callerEnvironment the environment Maven runs in, filtered by {@link GoEnvironment}
 * @param queryTimeout how long each go query (go env, go tool dist list, go mod edit -json, ...) may take;
 *     the first go env fetches the toolchain that goVersion names
 */
public record GoToolchainRequest(
        Path goExecutable,
        String goVersion,
        boolean offline,
        Path moduleDirectory,
        Map<String, String> callerEnvironment,
        Duration queryTimeout) {
    /** The pom's default of {@code queryTimeout}. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(10);

    public GoToolchainRequest {
        callerEnvironment = Map.copyOf(callerEnvironment);
    }

    /** With the pom's default query timeout: for goals without the element (verify's platform check). */
    public GoToolchainRequest(
            Path goExecutable,
            String goVersion,
            boolean offline,
            Path moduleDirectory,
            Map<String, String> callerEnvironment) {
        this(goExecutable, goVersion, offline, moduleDirectory, callerEnvironment, DEFAULT_QUERY_TIMEOUT);
    }
}
