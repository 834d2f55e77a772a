package io.github.staticgo.build;

import io.github.staticgo.target.TargetSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything one build run needs, already checked.
 *
 * @param outputTimestamp the modification time to give every binary, or null to leave it
 */
public record BuildRequest(List<BinaryOutput> outputs, BuildSettings settings, Path outputDirectory,
        Instant outputTimestamp) {
    public BuildRequest {
        outputs = List.copyOf(outputs);
    }

    public List<TargetSpec> targets() {
        return outputs.stream().map(BinaryOutput::target).distinct().toList();
    }
}
