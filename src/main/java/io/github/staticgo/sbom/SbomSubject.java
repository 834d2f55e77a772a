package io.github.staticgo.sbom;

import io.github.staticgo.binary.GoBuildInfo;
import io.github.staticgo.platform.GoPlatform;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One verified binary to describe: the file as it is shipped and the Go build info of what runs.
 *
 * @param file the binary as attached (after compress, the packed file): its hashes go into the SBOM
 * @param platform the target it was built and verified for
 * @param classifier its classifier; the SBOM is attached as {@code <classifier>-cyclonedx}
 * @param buildInfo the Go build info of the program (of the unpacked original, for a UPX-packed file)
 * @param packedWith the UPX version that packed {@code file}, or null when it is not packed
 */
public record SbomSubject(Path file, GoPlatform platform, String classifier, GoBuildInfo buildInfo, String packedWith) {
    public SbomSubject {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(buildInfo, "buildInfo");
    }
}
