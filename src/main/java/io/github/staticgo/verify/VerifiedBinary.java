package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.smoke.SmokeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one binary, with everything said about it: what the analyzer read, the rules' findings
 * and, with a smoke run, how it ran.
 *
 * @param report what the analyzer read, or null when the file could not be read at all
 * @param sha256 the file's SHA-256, or null when it could not be read
 * @param findings what the rules found wrong
 * @param unpackedReport what the analyzer read from the unpacked original of a UPX-packed file, or null
 * @param unpackedSha256 the SHA-256 of that original, or null
 * @param smoke how its smoke run went, or null when none ran (no {@code <smoke>}, or the file could not be read)
 */
public record VerifiedBinary(
        ExpectedBinary expected,
        BinaryReport report,
        String sha256,
        List<Finding> findings,
        BinaryReport unpackedReport,
        String unpackedSha256,
        SmokeResult smoke) {
    public VerifiedBinary {
        findings = List.copyOf(findings);
    }

    /** A binary that is not UPX-packed, before any smoke run. */
    public VerifiedBinary(ExpectedBinary expected, BinaryReport report, String sha256, List<Finding> findings) {
        this(expected, report, sha256, findings, null, null, null);
    }

    /** This verdict with its smoke run. */
    public VerifiedBinary withSmoke(SmokeResult run) {
        return new VerifiedBinary(expected, report, sha256, findings, unpackedReport, unpackedSha256, run);
    }

    /** What runs: the unpacked original of a packed file, else the file itself. */
    public BinaryReport program() {
        return unpackedReport != null ? unpackedReport : report;
    }

    /** The rules' findings and, when the smoke run failed, that failure with its fix. */
    public List<Finding> allFindings() {
        if (smoke == null || !smoke.failed()) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.add(new Finding(smoke.reason(), smoke.fix()));
        return all;
    }

    public boolean ok() {
        return findings.isEmpty() && (smoke == null || !smoke.failed());
    }
}
