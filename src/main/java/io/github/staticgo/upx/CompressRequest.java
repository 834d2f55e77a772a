package io.github.staticgo.upx;

import io.github.staticgo.platform.PlatformOverrides;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the compress goal needs, without Maven.
 *
 * @param outputDirectory where build.json and the binaries are
 * @param unpackedDirectory where unpacked originals are kept
 * @param options the {@code <upx>} options for every target
 * @param overrides per-target options by "os/arch" or "os/arch/variant"
 * @param enableAll {@code static-go.upx}: true packs every target, false none; null leaves it to the options
 * @param upxExecutable the configured upx, or null for {@code upx} on PATH
 * @param skipIfMissing warn instead of failing when upx is not installed
 * @param continueOnError warn instead of failing when upx fails on a binary
 * @param timeout how long one upx run may take
 * @param outputTimestamp the modification time of packed and kept files, or null
 * @param environment Maven's environment (only PATH, HOME and temporary directories reach upx)
 */
public record CompressRequest(
        Path outputDirectory,
        Path unpackedDirectory,
        UpxOptions options,
        PlatformOverrides<UpxOptions> overrides,
        Boolean enableAll,
        Path upxExecutable,
        boolean skipIfMissing,
        boolean continueOnError,
        Duration timeout,
        Instant outputTimestamp,
        Map<String, String> environment) {

    public CompressRequest {
        environment = Map.copyOf(environment);
    }
}
