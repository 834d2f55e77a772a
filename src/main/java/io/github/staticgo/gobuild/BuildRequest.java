package io.github.staticgo.gobuild;

import io.github.staticgo.platform.TargetSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything one build run needs, already checked.
 *
 * @param outputTimestamp the modification time to give every binary, or null to leave it
 * @param moduleDirectory the Go module, against which changed input files are named
 * @param stateDirectory where up-to-date records and file digests are kept
 * @param pluginVersion part of every fingerprint: a new plugin may build differently
 * @param threads how many go builds run at once
 * @param force rebuild every binary, up to date or not
 * @param execution the build execution whose entries of build.json this run replaces
 */
public record BuildRequest(
        List<BinaryOutput> outputs,
        BuildSettings settings,
        Path outputDirectory,
        Instant outputTimestamp,
        Path moduleDirectory,
        Path stateDirectory,
        String pluginVersion,
        int threads,
        boolean force,
        String execution) {
    public BuildRequest {
        outputs = List.copyOf(outputs);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public List<TargetSpec> targets() {
        return outputs.stream().map(BinaryOutput::target).distinct().toList();
    }
}
