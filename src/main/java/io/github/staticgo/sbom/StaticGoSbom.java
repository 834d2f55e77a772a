package io.github.staticgo.sbom;

import io.github.staticgo.FileDigest;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.MalformedBinaryException;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.manifest.VerifyVerdicts;
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

/**
 * The SBOM step without Maven: one CycloneDX JSON file beside each binary of build.json that verify passed, as
 * verify-report.json records it (the same file, the same SHA-256, ok), and for no other.
 */
public final class StaticGoSbom {
    /** The CycloneDX specification version written: the newest the library ships a schema for. */
    public static final Version SPEC_VERSION = Version.VERSION_16;
    /** What follows the binary's classifier in the SBOM's, as cyclonedx-maven-plugin names its own. */
    public static final String CLASSIFIER_SUFFIX = "cyclonedx";

    private StaticGoSbom() {}

    /**
     * @param outputDirectory the build goal's output directory, with build.json
     * @param verifyReport verify-report.json of the verify run that came before
     * @param timestamp {@code project.build.outputTimestamp}, or empty
     * @param pluginVersion this plugin's version, recorded as the SBOM's tool
     */
    public record SbomRequest(
            Path outputDirectory, Path verifyReport, Optional<Instant> timestamp, String pluginVersion) {}

    /** One SBOM written: the file, and the classifier to attach it with ({@code <binary's>-cyclonedx}). */
    public record WrittenSbom(Path file, String classifier, int components) {}

    /** Writes the SBOM of every verified binary; the result says which, in build.json's order. */
    public static List<WrittenSbom> write(SbomRequest request) throws IOException, MalformedBinaryException {
        List<SbomSubject> subjects = new ArrayList<>();
        BinaryAnalyzer analyzer = new BinaryAnalyzer();
        for (VerifyVerdicts.Verdict verdict : VerifyVerdicts.read(request.outputDirectory(), request.verifyReport())) {
            if (verdict.standing() != VerifyVerdicts.Standing.VERIFIED) {
                continue; // not verified as it is now: nothing is said about it
            }
            BuiltBinary binary = verdict.binary();
            Path file = request.outputDirectory().resolve(binary.file());
            Path program = binary.packedWithOriginal()
                    ? request.outputDirectory().resolve(binary.upx().unpackedFile())
                    : file;
            BinaryReport report = analyzer.analyze(program);
            if (report.goBuildInfo() == null) {
                continue; // a wasm module: Go's wasm linker writes no build info to describe
            }
            subjects.add(new SbomSubject(
                    file,
                    binary.platform(),
                    binary.classifier(),
                    report.goBuildInfo(),
                    binary.packedWithOriginal() ? binary.upx().version() : null));
        }
        return write(subjects, request.timestamp(), request.pluginVersion());
    }

    static List<WrittenSbom> write(List<SbomSubject> subjects, Optional<Instant> timestamp, String pluginVersion)
            throws IOException {
        List<WrittenSbom> written = new ArrayList<>();
        for (SbomSubject subject : subjects) {
            var bom = GoBinaryBom.of(
                    subject,
                    FileDigest.sha256(subject.file()),
                    FileDigest.sha512(subject.file()),
                    timestamp,
                    pluginVersion);
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
        return binary.resolveSibling(binary.getFileName() + BuiltBinary.SBOM_EXTENSION);
    }
}
