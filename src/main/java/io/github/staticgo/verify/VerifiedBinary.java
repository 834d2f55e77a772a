package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.smoke.SmokeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one binary, with everything said about it: what the analyzer read, the rules' findings,
 * with a smoke run how it ran, and with a vulnerability check what it found.
 *
 * @param report what the analyzer read, or null when the file could not be read at all
 * @param sha256 the file's SHA-256, or null when it could not be read
 * @param findings what the rules found wrong
 * @param unpackedReport what the analyzer read from the unpacked original of a UPX-packed file, or null
 * @param unpackedSha256 the SHA-256 of that original, or null
 * @param smoke how its smoke run went, or null when none ran (no {@code <smoke>}, or the file could not be read)
 * @param vulnerabilities its known vulnerabilities, or null when they were not checked (not asked for, or not a Go
 *     binary that could be read)
 */
public record VerifiedBinary(
        ExpectedBinary expected,
        BinaryReport report,
        String sha256,
        List<Finding> findings,
        BinaryReport unpackedReport,
        String unpackedSha256,
        SmokeResult smoke,
        VulnerabilityCheck vulnerabilities) {
    public VerifiedBinary {
        findings = List.copyOf(findings);
    }

    /** A binary that is not UPX-packed, before any smoke run. */
    public VerifiedBinary(ExpectedBinary expected, BinaryReport report, String sha256, List<Finding> findings) {
        this(expected, report, sha256, findings, null, null, null, null);
    }

    /** This verdict with its smoke run. */
    public VerifiedBinary withSmoke(SmokeResult run) {
        return new VerifiedBinary(
                expected, report, sha256, findings, unpackedReport, unpackedSha256, run, vulnerabilities);
    }

    /** This verdict with its vulnerability check. */
    public VerifiedBinary withVulnerabilities(VulnerabilityCheck check) {
        return new VerifiedBinary(expected, report, sha256, findings, unpackedReport, unpackedSha256, smoke, check);
    }

    /** What is reported but does not fail it: known vulnerabilities that are accepted or only warned of. */
    public List<Finding> warnings() {
        return vulnerabilities == null ? List.of() : vulnerabilities.warnings();
    }

    /** What runs: the unpacked original of a packed file, else the file itself. */
    public BinaryReport program() {
        return unpackedReport != null ? unpackedReport : report;
    }

    /**
     * The rules' findings, the smoke run's failure with its fix when it failed, and the known vulnerabilities that
     * fail it.
     */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>(findings);
        if (smoke != null && smoke.failed()) {
            all.add(new Finding(smoke.reason(), smoke.fix()));
        }
        if (vulnerabilities != null) {
            all.addAll(vulnerabilities.failures());
        }
        return all;
    }

    public boolean ok() {
        return allFindings().isEmpty();
    }
}
