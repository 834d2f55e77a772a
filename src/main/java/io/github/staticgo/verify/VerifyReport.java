package io.github.staticgo.verify;

import io.github.staticgo.HumanSize;
import io.github.staticgo.Json;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.smoke.SmokeResult;
import io.github.staticgo.smoke.SmokeRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of one run as the JSON report (a contract: the field names and meanings of
 * {@link Entry} stay), as the summary table logged for every run, and as the failure message.
 */
public final class VerifyReport {
    private static final List<String> COLUMNS =
            List.of("target", "file", "format", "linkage", "arch", "go", "cgo", "stripped", "size", "result");

    private final List<VerifiedBinary> binaries;

    public VerifyReport(List<VerifiedBinary> binaries) {
        this.binaries = List.copyOf(binaries);
    }

    public boolean ok() {
        return binaries.stream().allMatch(VerifiedBinary::ok);
    }

    /**
     * One binary in verify-report.json. Unknown values are null, never guesses.
     *
     * @param target the platform it was checked against ("linux/arm/7"), or null when none was expected
     * @param linkage static, static-pie, dynamic or shared-library; null for non-ELF files
     * @param cgo CGO_ENABLED from the Go build info, or null when not recorded
     * @param problems what is wrong, one sentence each; {@code findings} adds the fix to each
     * @param upx whether the file carries UPX's marks. For a file static-go:compress packed, {@code variant},
     *     {@code linkage}, {@code interpreter}, {@code needed}, {@code glibcNss}, {@code goVersion} and
     *     {@code cgo} are read from its unpacked original (what runs); the other fields from the file itself
     * @param upxVersion the UPX version that packed the file, or null when static-go:compress did not pack it
     * @param unpackedFile the unpacked original of a packed file, or null
     * @param unpackedSize its size in bytes (the size before packing; {@code size} is after), or null
     * @param unpackedSha256 its SHA-256, or null
     * @param smoke the smoke run, or null when none was configured or the file could not be read
     * @param architectures every architecture in the file: one for a thin file, one per slice of a fat
     *     Mach-O file (whose {@code goarch} is null when its slices differ); empty when unknown
     * @param warnings what is reported but does not fail it (known vulnerabilities accepted or only warned of),
     *     each with its fix or reason
     * @param vulnerabilities the known vulnerabilities found, or null when they were not checked
     */
    public record Entry(
            String file,
            String target,
            String format,
            String goos,
            String goarch,
            String variant,
            String machine,
            String abi,
            String linkage,
            String interpreter,
            List<String> needed,
            Boolean stripped,
            Boolean upx,
            Boolean glibcNss,
            String goVersion,
            Boolean cgo,
            Long size,
            String sha256,
            List<String> problems,
            List<Finding> findings,
            boolean ok,
            String upxVersion,
            String unpackedFile,
            Long unpackedSize,
            String unpackedSha256,
            SmokeEntry smoke,
            List<String> architectures,
            List<Finding> warnings,
            List<VulnerabilityEntry> vulnerabilities) {}

    /**
     * One known vulnerability of a binary in verify-report.json.
     *
     * @param id the Go vulnerability database's ID
     * @param aliases its CVE and GHSA IDs
     * @param version the version of {@code module} the binary links
     * @param fixedVersion the first version without it, or null when none is known
     * @param symbols the vulnerable functions in the binary
     * @param result {@code fails}, {@code warning} (the policy only warns) or {@code accepted}
     * @param reason why it is accepted, or null
     */
    public record VulnerabilityEntry(
            String id,
            List<String> aliases,
            String module,
            String version,
            String fixedVersion,
            List<String> symbols,
            String result,
            String reason) {
        static List<VulnerabilityEntry> of(VulnerabilityCheck check) {
            if (check == null) {
                return null;
            }
            return check.judged().stream()
                    .map(one -> new VulnerabilityEntry(
                            one.vulnerability().id(),
                            one.vulnerability().aliases(),
                            one.vulnerability().module(),
                            one.vulnerability().version(),
                            one.vulnerability().fixedVersion(),
                            one.vulnerability().symbols(),
                            one.fails() ? "fails" : one.acceptedBecause() != null ? "accepted" : "warning",
                            one.acceptedBecause()))
                    .toList();
        }
    }

    /**
     * The smoke run of one binary in verify-report.json.
     *
     * @param result {@code passed}, {@code failed} or {@code not-run}
     * @param ran whether the binary was started (false when it was not run, or could not be)
     * @param method how it was isolated: {@code bwrap}, {@code unshare} or {@code chroot} (an empty root), or
     *     {@code environment} (no empty root was available: an emptied environment only); null when not run
     * @param emulator the emulator command (qemu-user and its -cpu), or null when it ran natively
     * @param exitCode how it ended; null when not run, when the sandbox could not be started, or when killed at
     *     the timeout; the sandbox's own code (bwrap: 1) when the kernel refused the binary
     * @param millis how long it ran, or null
     * @param output its first lines, both streams in arrival order
     * @param reason why it failed or was not run, or a note on a passed run; null otherwise
     */
    public record SmokeEntry(
            String result,
            boolean ran,
            String method,
            String emulator,
            String command,
            Integer exitCode,
            boolean timedOut,
            Long millis,
            List<String> output,
            String reason) {
        static SmokeEntry of(SmokeResult r) {
            return r == null
                    ? null
                    : new SmokeEntry(
                            r.status().jsonName(),
                            r.ran(),
                            r.method(),
                            r.emulator(),
                            r.command(),
                            r.exitCode(),
                            r.timedOut(),
                            r.millis(),
                            r.output(),
                            r.reason());
        }
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (VerifiedBinary binary : binaries) {
            BinaryReport r = binary.report();
            ExpectedBinary expected = binary.expected();
            List<Finding> findings = binary.allFindings();
            List<String> problems = findings.stream().map(Finding::problem).toList();
            String target = expected.hasExpectation() ? expected.target() : null;
            String file = expected.file().toString();
            String unpackedFile = expected.packed() ? expected.unpacked().toString() : null;
            BinaryReport original = binary.unpackedReport();
            SmokeEntry smokeEntry = SmokeEntry.of(binary.smoke());
            List<VulnerabilityEntry> vulnerabilityEntries = VulnerabilityEntry.of(binary.vulnerabilities());
            if (r == null) {
                entries.add(new Entry(
                        file,
                        target,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        problems,
                        findings,
                        binary.ok(),
                        expected.upxVersion(),
                        unpackedFile,
                        null,
                        null,
                        smokeEntry,
                        List.of(),
                        binary.warnings(),
                        vulnerabilityEntries));
            } else {
                BinaryReport p = binary.program();
                entries.add(new Entry(
                        file,
                        target,
                        r.format().jsonName(),
                        r.goos(),
                        r.goarch(),
                        p.variant(),
                        r.machine(),
                        r.abi(),
                        p.linkage() == null ? null : p.linkage().jsonName(),
                        p.interpreter(),
                        p.needed(),
                        r.format() == Format.WASM ? null : r.stripped(),
                        r.upxPacked(),
                        p.glibcNss(),
                        p.goVersion(),
                        p.cgoEnabled(),
                        r.size(),
                        binary.sha256(),
                        problems,
                        findings,
                        binary.ok(),
                        expected.upxVersion(),
                        unpackedFile,
                        original == null ? null : original.size(),
                        binary.unpackedSha256(),
                        smokeEntry,
                        r.architectures(),
                        binary.warnings(),
                        vulnerabilityEntries));
            }
        }
        return entries;
    }

    /** Writes the report through a temporary file, so a reader never sees half of it. */
    public void writeJson(Path file) throws IOException {
        Json.writeFile(file, Map.of("binaries", entries()));
    }

    /** The table logged for every run: one row per binary. */
    public List<String> summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        boolean smokeColumn = binaries.stream().anyMatch(binary -> binary.smoke() != null);
        rows.add(smokeColumn ? withSmoke(COLUMNS, "smoke") : COLUMNS);
        for (VerifiedBinary binary : binaries) {
            BinaryReport r = binary.report();
            String file = binary.expected().file().getFileName().toString();
            int warnings = binary.warnings().size();
            String result = !binary.ok()
                    ? "FAIL (" + binary.allFindings().size() + ")"
                    : warnings == 0 ? "ok" : "ok (" + warnings + (warnings == 1 ? " warning)" : " warnings)");
            List<String> row;
            if (r == null) {
                row = List.of(binary.expected().target(), file, "-", "-", "-", "-", "-", "-", "-", result);
            } else {
                BinaryReport p = binary.program();
                String arch = r.architectures().size() > 1
                        ? String.join("+", r.architectures())
                        : r.goarch() != null ? r.goarch() : r.machine() != null ? r.machine() : "-";
                String size = binary.unpackedReport() == null
                        ? HumanSize.of(r.size())
                        : HumanSize.of(r.size()) + " (upx, was "
                                + HumanSize.of(binary.unpackedReport().size()) + ")";
                row = List.of(
                        binary.expected().target(),
                        file,
                        r.format().jsonName(),
                        p.linkage() == null ? "-" : p.linkage().jsonName(),
                        p.variant() == null ? arch : arch + "/" + p.variant(),
                        p.goVersion() == null ? "-" : p.goVersion(),
                        p.cgoEnabled() == null ? "-" : p.cgoEnabled() ? "on" : "off",
                        r.format() == Format.UNKNOWN || r.format() == Format.WASM ? "-" : r.stripped() ? "yes" : "no",
                        size,
                        result);
            }
            rows.add(smokeColumn ? withSmoke(row, smokeCell(binary.smoke())) : row);
        }
        return formatTable(rows);
    }

    private static List<String> withSmoke(List<String> row, String cell) {
        List<String> longer = new ArrayList<>(row);
        longer.add(cell);
        return longer;
    }

    /** "passed 120 ms (bwrap, qemu-aarch64-static)", "FAILED (bwrap)", "not run", or "-". */
    private static String smokeCell(SmokeResult run) {
        if (run == null) {
            return "-";
        }
        return switch (run.status()) {
            case PASSED ->
                "passed " + SmokeRun.duration(run.millis()) + " (" + run.method()
                        + (run.emulator() == null ? "" : ", " + run.emulator().split(" ")[0]) + ")";
            case FAILED -> run.ran() ? "FAILED (" + run.method() + ")" : "FAILED";
            case NOT_RUN -> "not run";
        };
    }

    /** Every warning of every binary, one text each with its fix or reason, for the log. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (VerifiedBinary binary : binaries) {
            for (Finding warning : binary.warnings()) {
                warnings.add(
                        binary.expected().file().getFileName() + " " + warning.problem() + " (" + warning.hint() + ")");
            }
        }
        return warnings;
    }

    /** Every problem of every failing binary, with its fix, for the one failure of the build. */
    public String failureMessage() {
        List<VerifiedBinary> failing =
                binaries.stream().filter(binary -> !binary.ok()).toList();
        StringBuilder message = new StringBuilder();
        message.append(failing.size())
                .append(failing.size() == 1 ? " binary fails" : " binaries fail")
                .append(" verification:");
        for (VerifiedBinary binary : failing) {
            message.append(System.lineSeparator())
                    .append("  ")
                    .append(binary.expected().file())
                    .append(" (")
                    .append(binary.expected().target())
                    .append(")");
            for (Finding finding : binary.allFindings()) {
                message.append(System.lineSeparator())
                        .append("    - ")
                        .append(finding.problem())
                        .append(System.lineSeparator())
                        .append("      fix: ")
                        .append(finding.hint());
            }
            SmokeResult run = binary.smoke();
            if (run != null && run.failed() && run.ran()) {
                message.append(System.lineSeparator()).append("      command: ").append(run.command());
                message.append(System.lineSeparator())
                        .append(
                                run.output().isEmpty()
                                        ? "      it printed nothing"
                                        : "      it printed"
                                                + (run.output().size() < SmokeResult.REPORTED_LINES
                                                        ? ":"
                                                        : " (first lines):"));
                for (String line : run.output()) {
                    message.append(System.lineSeparator()).append("        | ").append(line);
                }
            }
        }
        return message.toString();
    }

    private static List<String> formatTable(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
