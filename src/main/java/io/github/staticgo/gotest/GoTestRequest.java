package io.github.staticgo.gotest;

import io.github.staticgo.toolchain.GoToolchainRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The test goal's configuration as the pom gives it, before any of it is checked.
 *
 * @param cgo the cgo mode: off, musl or on
 * @param platform "os/arch[/variant]" to test for, or null for the host's
 * @param exec the program that runs a test binary (go test -exec), or null: a foreign linux platform
 *     then runs under qemu-user found on PATH
 * @param packages package patterns, e.g. ./...
 * @param count go test -count, or null
 * @param timeout go test -timeout (a Go duration such as 10m), or null for go's default
 * @param coverageFile where -coverprofile writes, or null for no coverage
 * @param testFlags further go test arguments, passed as they are
 * @param testPattern Maven's -Dtest, or null
 * @param processTimeout how long the whole go test run may take before it is killed
 */
public record GoTestRequest(
        Path moduleDirectory,
        GoToolchainRequest toolchain,
        String cgo,
        String platform,
        String exec,
        List<String> packages,
        List<String> tags,
        Map<String, String> env,
        boolean race,
        Integer count,
        String timeout,
        Path coverageFile,
        List<String> testFlags,
        String testPattern,
        Path reportsDirectory,
        Duration processTimeout) {

    public GoTestRequest {
        packages = List.copyOf(packages);
        tags = List.copyOf(tags);
        env = Map.copyOf(env);
        testFlags = List.copyOf(testFlags);
    }
}
