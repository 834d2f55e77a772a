package io.github.staticgo.toolchain;

import java.nio.file.Path;
import java.util.Map;

/**
 * What selects the Go toolchain.
 *
 * @param goExecutable the configured go command, or null to search GOROOT and PATH
 * @param goVersion an exact Go release to run through GOTOOLCHAIN, or null for the one found
 * @param offline Maven runs offline: go gets GOPROXY=off
 * @param moduleDirectory where go runs, so that go.mod's toolchain rules apply as they do for the user
 * @param callerEnvironment the environment Maven runs in, filtered by {@link GoEnvironment}
 */
public record GoToolchainRequest(
        Path goExecutable, String goVersion, boolean offline, Path moduleDirectory, Map<String, String> callerEnvironment) {
    public GoToolchainRequest {
        callerEnvironment = Map.copyOf(callerEnvironment);
    }
}
