package io.github.staticgo.gobuild;

import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.toolchain.GoToolchainRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * The build goal's configuration as the pom gives it, before any of it is checked.
 *
 * @param binaryName the configured name, or null
 * @param defaultName the name of a single package's binary when none is configured
 * @param defaultCgo the cgo mode of targets that do not set their own
 * @param outputTimestamp project.build.outputTimestamp as written, or null
 * @param execution how this run builds: up-to-date records, threads, force
 */
public record BuildConfiguration(
        Path moduleDirectory,
        List<PackageDeclaration> packages,
        String binaryName,
        String defaultName,
        List<TargetDeclaration> targets,
        String defaultCgo,
        BuildSettings settings,
        GoToolchainRequest toolchain,
        Path outputDirectory,
        String outputTimestamp,
        Execution execution) {

    public BuildConfiguration {
        packages = List.copyOf(packages);
        targets = List.copyOf(targets);
    }

    /** The same configuration without the parts of Maven's environment that go never reads. */
    public BuildConfiguration withEnvironmentGoReads() {
        return new BuildConfiguration(
                moduleDirectory,
                packages,
                binaryName,
                defaultName,
                targets,
                defaultCgo,
                settings,
                toolchain.withEnvironmentGoReads(),
                outputDirectory,
                outputTimestamp,
                execution);
    }

    /**
     * @param stateDirectory where up-to-date records are kept
     * @param pluginVersion part of every fingerprint
     * @param threads how many go builds run at once
     * @param force rebuild everything
     * @param id which build execution of the project this is (Maven's execution id): build.json keeps the
     *     binaries of every execution, each replacing only its own
     */
    public record Execution(Path stateDirectory, String pluginVersion, int threads, boolean force, String id) {}
}
