package io.github.staticgo.toolchain;

import io.github.staticgo.toolchain.provision.Provisioning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param provisioning whether the plugin provisions go itself, and from where
 * @param keptAnswers the file where the answer of the go env that locates go is kept between runs, or null
 *     to ask go every time ({@link KeptGoEnv})
 */
public record GoToolchainRequest(
        Path goExecutable,
        String goVersion,
        boolean offline,
        Path moduleDirectory,
        Map<String, String> callerEnvironment,
        Duration queryTimeout,
        Provisioning provisioning,
        Path keptAnswers) {
    /** The pom's default of {@code queryTimeout}. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(10);

    public GoToolchainRequest {
        callerEnvironment = Map.copyOf(callerEnvironment);
        Objects.requireNonNull(provisioning, "provisioning");
    }

    /** Without provisioning: only an installed go is used. */
    public GoToolchainRequest(
            Path goExecutable,
            String goVersion,
            boolean offline,
            Path moduleDirectory,
            Map<String, String> callerEnvironment,
            Duration queryTimeout) {
        this(
                goExecutable,
                goVersion,
                offline,
                moduleDirectory,
                callerEnvironment,
                queryTimeout,
                Provisioning.never(),
                null);
    }

    /** The same request, provisioning go as {@code other} says. */
    public GoToolchainRequest withProvisioning(Provisioning other) {
        return new GoToolchainRequest(
                goExecutable, goVersion, offline, moduleDirectory, callerEnvironment, queryTimeout, other, keptAnswers);
    }

    /** The same request with only the part of the caller's environment that locating or running go reads. */
    public GoToolchainRequest withEnvironmentGoReads() {
        Map<String, String> read = new TreeMap<>(GoEnvironment.fromCaller(callerEnvironment));
        if (callerEnvironment.containsKey("GOROOT")) {
            read.put("GOROOT", callerEnvironment.get("GOROOT"));
        }
        return new GoToolchainRequest(
                goExecutable, goVersion, offline, moduleDirectory, read, queryTimeout, provisioning, keptAnswers);
    }

    /** The same request, keeping go env's answer in {@code file} between runs. */
    public GoToolchainRequest withKeptAnswers(Path file) {
        return new GoToolchainRequest(
                goExecutable, goVersion, offline, moduleDirectory, callerEnvironment, queryTimeout, provisioning, file);
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
