package io.github.staticgo.gobuild;

import io.github.staticgo.platform.TargetSpec;
import java.nio.file.Path;

/** One binary to build: which package, for which target, written where, attached under which classifier. */
public record BinaryOutput(TargetSpec target, String goPackage, String binaryName, Path file, String classifier) {}
