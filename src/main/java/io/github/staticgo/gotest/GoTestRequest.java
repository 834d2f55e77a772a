package io.github.staticgo.gotest;

import io.github.staticgo.toolchain.CompileFlags;
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
 * @param compileFlags the build's -trimpath, -gcflags and -asmflags, so that go test reuses its compiled packages
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
        Duration processTimeout,
        CompileFlags compileFlags) {

    public GoTestRequest {
        packages = List.copyOf(packages);
        tags = List.copyOf(tags);
        env = Map.copyOf(env);
        testFlags = List.copyOf(testFlags);
    }

    /**
     * A request with the pom's defaults: cgo off, the host platform, {@code ./...}, no tags, environment,
     * race, count, -timeout, coverage, flags or selection, an hour for the whole run, and the build's
     * default compile flags (-trimpath).
     */
    public static Builder builder(Path moduleDirectory, GoToolchainRequest toolchain, Path reportsDirectory) {
        Builder builder = new Builder();
        builder.moduleDirectory = moduleDirectory;
        builder.toolchain = toolchain;
        builder.reportsDirectory = reportsDirectory;
        return builder;
    }

    /** A builder holding this request, to change some of it. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.moduleDirectory = moduleDirectory;
        builder.toolchain = toolchain;
        builder.cgo = cgo;
        builder.platform = platform;
        builder.exec = exec;
        builder.packages = packages;
        builder.tags = tags;
        builder.env = env;
        builder.race = race;
        builder.count = count;
        builder.timeout = timeout;
        builder.coverageFile = coverageFile;
        builder.testFlags = testFlags;
        builder.testPattern = testPattern;
        builder.reportsDirectory = reportsDirectory;
        builder.processTimeout = processTimeout;
        builder.compileFlags = compileFlags;
        return builder;
    }

    /** Names each setting at the call site, where sixteen positional arguments would not. */
    public static final class Builder {
        private Path moduleDirectory;
        private GoToolchainRequest toolchain;
        private String cgo = "off";
        private String platform;
        private String exec;
        private List<String> packages = List.of("./...");
        private List<String> tags = List.of();
        private Map<String, String> env = Map.of();
        private boolean race;
        private Integer count;
        private String timeout;
        private Path coverageFile;
        private List<String> testFlags = List.of();
        private String testPattern;
        private Path reportsDirectory;
        private Duration processTimeout = Duration.ofHours(1);
        private CompileFlags compileFlags = CompileFlags.DEFAULTS;

        private Builder() {}

        public Builder cgo(String cgo) {
            this.cgo = cgo;
            return this;
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        public Builder exec(String exec) {
            this.exec = exec;
            return this;
        }

        public Builder packages(List<String> packages) {
            this.packages = packages;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        public Builder race(boolean race) {
            this.race = race;
            return this;
        }

        public Builder count(Integer count) {
            this.count = count;
            return this;
        }

        public Builder timeout(String timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder coverageFile(Path coverageFile) {
            this.coverageFile = coverageFile;
            return this;
        }

        public Builder testFlags(List<String> testFlags) {
            this.testFlags = testFlags;
            return this;
        }

        public Builder testPattern(String testPattern) {
            this.testPattern = testPattern;
            return this;
        }

        public Builder processTimeout(Duration processTimeout) {
            this.processTimeout = processTimeout;
            return this;
        }

        public Builder compileFlags(CompileFlags compileFlags) {
            this.compileFlags = compileFlags;
            return this;
        }

        public Builder reportsDirectory(Path reportsDirectory) {
            this.reportsDirectory = reportsDirectory;
            return this;
        }

        public GoTestRequest build() {
            return new GoTestRequest(
                    moduleDirectory,
                    toolchain,
                    cgo,
                    platform,
                    exec,
                    packages,
                    tags,
                    env,
                    race,
                    count,
                    timeout,
                    coverageFile,
                    testFlags,
                    testPattern,
                    reportsDirectory,
                    processTimeout,
                    compileFlags);
        }
    }
}
