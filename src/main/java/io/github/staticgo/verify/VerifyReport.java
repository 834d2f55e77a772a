package io.github.staticgo.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.staticgo.FileDigest;
import io.github.staticgo.HumanSize;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.build.AtomicFiles;
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
            List.of("target", "file", "format", "linkage", "arch", "go", "cgo", "size", "result");

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
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(String file, String target, String format, String goos, String goarch, String variant,
            String machine, String abi, String linkage, String interpreter, List<String> needed, Boolean stripped,
            Boolean upx, Boolean glibcNss, String goVersion, Boolean cgo, Long size, String sha256,
            List<String> problems, List<Finding> findings, boolean ok, String upxVersion, String unpackedFile,
            Long unpackedSize, String unpackedSha256) {}

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (VerifiedBinary binary : binaries) {
            BinaryReport r = binary.report();
            ExpectedBinary expected = binary.expected();
            List<String> problems = binary.findings().stream().map(Finding::problem).toList();
            String target = expected.hasExpectation() ? expected.target() : null;
            String file = expected.file().toString();
            String unpackedFile = expected.packed() ? expected.unpacked().toString() : null;
            BinaryReport original = binary.unpackedReport();
            if (r == null) {
                entries.add(new Entry(file, target, null, null, null, null, null, null, null, null, List.of(), null,
                        null, null, null, null, null, null, problems, binary.findings(), binary.ok(),
                        expected.upxVersion(), unpackedFile, null, null));
            } else {
                BinaryReport p = binary.program();
                entries.add(new Entry(file, target, r.format().jsonName(), r.goos(), r.goarch(), p.variant(),
                        r.machine(), r.abi(), p.linkage() == null ? null : p.linkage().jsonName(), p.interpreter(),
                        p.needed(), r.stripped(), r.upxPacked(), p.glibcNss(), p.goVersion(), p.cgoEnabled(), r.size(),
                        binary.sha256(), problems, binary.findings(), binary.ok(), expected.upxVersion(), unpackedFile,
                        original == null ? null : original.size(), original == null ? null : unpackedSha256(expected)));
            }
        }
        return entries;
    }

    private static String unpackedSha256(ExpectedBinary expected) {
        try {
            return FileDigest.sha256(expected.unpacked());
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the report through a temporary file, so a reader never sees half of it. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeJson(file, Map.of("binaries", entries()));
    }

    /** The table logged for every run: one row per binary. */
    public List<String> summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (VerifiedBinary binary : binaries) {
            BinaryReport r = binary.report();
            String file = binary.expected().file().getFileName().toString();
            String result = binary.ok() ? "ok" : "FAIL (" + binary.findings().size() + ")";
            if (r == null) {
                rows.add(List.of(binary.expected().target(), file, "-", "-", "-", "-", "-", "-", result));
            } else {
                BinaryReport p = binary.program();
                String arch = r.goarch() != null ? r.goarch() : r.machine() != null ? r.machine() : "-";
                String size = binary.unpackedReport() == null ? HumanSize.of(r.size())
                        : HumanSize.of(r.size()) + " (upx, was " + HumanSize.of(binary.unpackedReport().size()) + ")";
                rows.add(List.of(binary.expected().target(), file, r.format().jsonName(),
                        p.linkage() == null ? "-" : p.linkage().jsonName(), p.variant() == null ? arch : arch + "/" + p.variant(),
                        p.goVersion() == null ? "-" : p.goVersion(),
                        p.cgoEnabled() == null ? "-" : p.cgoEnabled() ? "on" : "off", size, result));
            }
        }
        return formatTable(rows);
    }

    /** Every problem of every failing binary, with its fix, for the one failure of the build. */
    public String failureMessage() {
        List<VerifiedBinary> failing = binaries.stream().filter(b -> !b.ok()).toList();
        StringBuilder message = new StringBuilder();
        message.append(failing.size()).append(failing.size() == 1 ? " binary fails" : " binaries fail")
                .append(" verification:");
        for (VerifiedBinary binary : failing) {
            message.append(System.lineSeparator()).append("  ").append(binary.expected().file())
                    .append(" (").append(binary.expected().target()).append(")");
            for (Finding finding : binary.findings()) {
                message.append(System.lineSeparator()).append("    - ").append(finding.problem())
                        .append(System.lineSeparator()).append("      fix: ").append(finding.hint());
            }
        }
        return message.toString();
    }

    private static List<String> formatTable(List<List<String>> rows) {
        int[] widths = new int[COLUMNS.size()];
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
