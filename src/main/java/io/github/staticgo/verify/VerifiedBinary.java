package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import java.util.List;

/**
 * The verdict on one binary.
 *
 * @param report what the analyzer read, or null when the file could not be read at all
 * @param sha256 the file's SHA-256, or null when it could not be read
 * @param unpackedReport what the analyzer read from the unpacked original of a UPX-packed file, or null
 */
public record VerifiedBinary(ExpectedBinary expected, BinaryReport report, String sha256, List<Finding> findings,
        BinaryReport unpackedReport) {
    public VerifiedBinary {
        findings = List.copyOf(findings);
    }

    public VerifiedBinary(ExpectedBinary expected, BinaryReport report, String sha256, List<Finding> findings) {
        this(expected, report, sha256, findings, null);
    }

    /** What runs: the unpacked original of a packed file, else the file itself. */
    public BinaryReport program() {
        return unpackedReport != null ? unpackedReport : report;
    }

    public boolean ok() {
        return findings.isEmpty();
    }
}
