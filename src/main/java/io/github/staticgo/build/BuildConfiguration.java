package io.github.staticgo.build;

import io.github.staticgo.target.TargetDeclaration;
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
 */
public record BuildConfiguration(Path moduleDirectory, List<String> packages, String binaryName, String defaultName,
        List<TargetDeclaration> targets, String defaultCgo, BuildSettings settings, GoToolchainRequest toolchain,
        Path outputDirectory, String outputTimestamp) {

    public BuildConfiguration {
        packages = List.copyOf(packages);
        targets = List.copyOf(targets);
    }
}
