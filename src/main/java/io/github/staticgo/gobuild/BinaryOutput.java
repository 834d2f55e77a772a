package io.github.staticgo.gobuild;

import io.github.staticgo.platform.TargetSpec;
import java.nio.file.Path;

/**
 * One binary to build: which package, for which target, written where, attached under which classifier.
 *
 * @param ldflags the package's own link flags, or null
 */
public record BinaryOutput(
        TargetSpec target, String goPackage, String binaryName, Path file, String classifier, String ldflags) {}
