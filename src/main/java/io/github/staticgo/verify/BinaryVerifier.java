package io.github.staticgo.verify;

import io.github.staticgo.FileDigest;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every binary against its target with every rule and collects all findings, so that one run
 * reports everything wrong with every binary. A file that cannot be read is a finding, not a crash.
 */
public final class BinaryVerifier {
    private static final List<BinaryRule> RULES = List.of(
            new ContainerFormatRule(),
            new ArchitectureRule(),
            new LinkageRule(),
            new BuildInfoRule(),
            new GlibcNssRule(),
            new StrippedRule(),
            new PeHardeningRule());
    /** What a UPX-packed file still shows as it is; linkage and build info are read from its unpacked original. */
    private static final List<BinaryRule> PACKED_FILE_RULES =
            List.of(new ContainerFormatRule(), new ArchitectureRule());

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();
    private final boolean skipUnknownFormats;

    /**
     * @param skipUnknownFormats files of no executable format are listed but not checked (inspect over
     *     a directory); otherwise they fail the format rule
     */
    public BinaryVerifier(boolean skipUnknownFormats) {
        this.skipUnknownFormats = skipUnknownFormats;
    }

    public List<VerifiedBinary> verify(List<ExpectedBinary> binaries, VerifyPolicy policy) {
        List<VerifiedBinary> verified = new ArrayList<>(binaries.size());
        for (ExpectedBinary expected : binaries) {
            verified.add(verifyOne(expected, policy));
        }
        return verified;
    }

    private VerifiedBinary verifyOne(ExpectedBinary expected, VerifyPolicy policy) {
        if (!Files.exists(expected.file())) {
            return new VerifiedBinary(
                    expected,
                    null,
                    null,
                    List.of(new Finding(
                            "is missing",
                            "run static-go:build first (mvn package), or correct the <file> of this binary")));
        }
        if (!Files.isRegularFile(expected.file())) {
            return new VerifiedBinary(
                    expected,
                    null,
                    null,
                    List.of(new Finding(
                            Files.isDirectory(expected.file())
                                    ? "is a directory, not a binary"
                                    : "is not a regular file",
                            "point the <file> of this binary at the executable itself")));
        }
        BinaryReport report;
        String sha256;
        try {
            report = analyzer.analyze(expected.file());
            sha256 = FileDigest.sha256(expected.file());
        } catch (MalformedBinaryException e) {
            return new VerifiedBinary(
                    expected,
                    null,
                    null,
                    List.of(new Finding(
                            "is malformed: " + e.getMessage(), "rebuild it; the file is truncated or corrupt")));
        } catch (IOException e) {
            return new VerifiedBinary(
                    expected,
                    null,
                    null,
                    List.of(new Finding("cannot be read: " + e.getMessage(), "check the file's permissions")));
        }
        if (expected.packed()) {
            return verifyPacked(expected, report, sha256, policy);
        }
        List<Finding> findings = new ArrayList<>();
        checkRecordedDigest(
                expected.file(),
                sha256,
                expected.recorded() == null ? null : expected.recorded().sha256(),
                findings);
        if (expected.hasExpectation() && !(skipUnknownFormats && report.format() == Format.UNKNOWN)) {
            for (BinaryRule rule : RULES) {
                rule.check(expected, report, policy, findings);
            }
        }
        return new VerifiedBinary(expected, report, sha256, findings);
    }

    /** A file build.json lists must still be what build.json says: nothing replaced or edited it since. */
    private static void checkRecordedDigest(Path file, String sha256, String recorded, List<Finding> findings) {
        if (recorded != null && !recorded.equals(sha256)) {
            findings.add(new Finding(
                    file.getFileName() + " has the SHA-256 " + sha256 + ", but build.json records " + recorded,
                    "something changed it after static-go:build (an edit, a copy, a second build running at "
                            + "the same time): rebuild with mvn package"));
        }
    }

    /**
     * A UPX-packed file: its format and architecture as it is, and every rule on its unpacked
     * original, which is what runs once UPX's stub has unpacked it.
     */
    private VerifiedBinary verifyPacked(
            ExpectedBinary expected, BinaryReport packed, String sha256, VerifyPolicy policy) {
        Set<Finding> findings = new LinkedHashSet<>();
        List<Finding> found = new ArrayList<>();
        for (BinaryRule rule : PACKED_FILE_RULES) {
            rule.check(expected, packed, policy, found);
        }
        if (!packed.upxPacked()) {
            found.add(new Finding(
                    "is recorded in build.json as UPX-packed but carries no UPX marks",
                    "something replaced it after static-go:compress; rebuild with mvn clean package"));
        }
        checkRecordedDigest(
                expected.file(),
                sha256,
                expected.recorded() == null ? null : expected.recorded().sha256(),
                found);
        BinaryReport original = null;
        String originalSha256 = null;
        Path unpacked = expected.unpacked();
        if (!Files.isRegularFile(unpacked)) {
            found.add(new Finding(
                    "has no unpacked original at " + unpacked + " to check its linkage and Go build info",
                    "run static-go:compress again (mvn clean package); it keeps the original there"));
        } else {
            try {
                original = analyzer.analyze(unpacked);
                originalSha256 = FileDigest.sha256(unpacked);
                checkRecordedDigest(
                        unpacked,
                        originalSha256,
                        expected.recorded() == null ? null : expected.recorded().unpackedSha256(),
                        found);
                for (BinaryRule rule : RULES) {
                    rule.check(expected, original, policy, found);
                }
            } catch (MalformedBinaryException | IOException e) {
                found.add(new Finding(
                        "has an unpacked original that cannot be read: " + e.getMessage(),
                        "rebuild it with mvn clean package"));
            }
        }
        findings.addAll(found); // a wrong architecture shows in both files; report it once
        return new VerifiedBinary(
                expected, packed, sha256, List.copyOf(findings), original, originalSha256, null, null);
    }
}
