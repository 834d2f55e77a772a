package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import java.util.List;

/**
 * The verdict on one binary.
 *
 * @param report what the analyzer read, or null when the file could not be read at all
 * @param sha256 the file's SHA-256, or null when it could not be read
 */
public record VerifiedBinary(ExpectedBinary expected, BinaryReport report, String sha256, List<Finding> findings) {
    public VerifiedBinary {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.isEmpty();
    }
}
