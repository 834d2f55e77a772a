package io.github.staticgo.sbom;

import io.github.staticgo.FileDigest;
import io.github.staticgo.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;

/** The SBOM step without Maven: one CycloneDX JSON file per verified binary, written beside it. */
public final class StaticGoSbom {
    /** The CycloneDX specification version written: the newest the library ships a schema for. */
    public static final Version SPEC_VERSION = Version.VERSION_16;
    /** What follows the binary's classifier in the SBOM's, as cyclonedx-maven-plugin names its own. */
    public static final String CLASSIFIER_SUFFIX = "cyclonedx";

    private StaticGoSbom() {}

    /**
     * @param binaries the binaries verify passed; nothing else is described
     * @param timestamp {@code project.build.outputTimestamp}, or empty
     * @param pluginVersion this plugin's version, recorded as the SBOM's tool
     */
    public record SbomRequest(List<SbomSubject> binaries, Optional<Instant> timestamp, String pluginVersion) {
        public SbomRequest {
            binaries = List.copyOf(binaries);
        }
    }

    /** One SBOM written: the file, and the classifier to attach it with ({@code <binary's>-cyclonedx}). */
    public record WrittenSbom(Path file, String classifier, int components) {}

    public static List<WrittenSbom> write(SbomRequest request) throws IOException {
        List<WrittenSbom> written = new ArrayList<>();
        for (SbomSubject subject : request.binaries()) {
            var bom = GoBinaryBom.of(
                    subject,
                    FileDigest.sha256(subject.file()),
                    FileDigest.sha512(subject.file()),
                    request.timestamp(),
                    request.pluginVersion());
            String json;
            try {
                json = BomGeneratorFactory.createJson(SPEC_VERSION, bom).toJsonString();
            } catch (GeneratorException e) {
                throw new IOException("cannot write the SBOM of " + subject.file() + ": " + e.getMessage(), e);
            }
            Path file = sbomFile(subject.file());
            SafeFiles.replace(file, temporary -> Files.writeString(temporary, json + "\n", StandardCharsets.UTF_8));
            written.add(new WrittenSbom(
                    file,
                    subject.classifier() + "-" + CLASSIFIER_SUFFIX,
                    bom.getComponents().size()));
        }
        return written;
    }

    /** {@code app-linux-amd64} gets {@code app-linux-amd64.cdx.json}, CycloneDX's recommended file extension. */
    public static Path sbomFile(Path binary) {
        return binary.resolveSibling(binary.getFileName() + ".cdx.json");
    }
}
