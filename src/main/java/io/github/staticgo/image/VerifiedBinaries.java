package io.github.staticgo.image;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Json;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Linux binaries of build.json that verify passed and that are still what it passed: the verify report's entry
 * for the file is ok, and the file's SHA-256 today is the one build.json and the report both record.
 */
public final class VerifiedBinaries {
    private VerifiedBinaries() {}

    /**
     * The part of verify-report.json this reads, whose field names the verify goal keeps as a contract: each
     * binary's file, SHA-256, verdict and problems. Read here rather than through the verify goal's own classes,
     * so that no goal's core depends on another's.
     */
    private record Report(List<Verdict> binaries) {}

    private record Verdict(String file, String sha256, boolean ok, List<String> problems) {}

    /**
     * @param binaryName only the binaries of this name (the file name without its platform suffix), or null for all
     */
    public static List<BuiltBinary> read(Path outputDirectory, Path reportFile, String binaryName)
            throws IOException, ImageException {
        BuildManifest manifest = BuildManifest.readIfPresent(outputDirectory)
                .orElseThrow(() -> new ImageException("There is no " + BuildManifest.FILE_NAME + " in "
                        + outputDirectory + ": run static-go:build and static-go:verify before static-go:image "
                        + "(mvn verify)."));
        if (!Files.isRegularFile(reportFile)) {
            throw new ImageException("There is no verify report " + reportFile + ": static-go:image takes only "
                    + "binaries static-go:verify passed; run it first (bind both goals, verify before image).");
        }
        Map<Path, Verdict> verdicts = new HashMap<>();
        for (Verdict entry : Json.readFile(reportFile, Report.class).binaries()) {
            verdicts.put(Path.of(entry.file()).toAbsolutePath().normalize(), entry);
        }
        List<BuiltBinary> linux = manifest.binaries().stream()
                .filter(binary -> binary.goos().equals("linux"))
                .filter(binary -> binaryName == null || nameOf(binary).equals(binaryName))
                .toList();
        if (linux.isEmpty()) {
            throw new ImageException(
                    binaryName == null
                            ? "build.json lists no linux binary: add a linux target, e.g. <target>linux/amd64</target>."
                            : "<image><binary>: build.json lists no linux binary named " + binaryName + ".");
        }
        List<String> refused = new ArrayList<>();
        for (BuiltBinary binary : linux) {
            Path file = outputDirectory.resolve(binary.file()).toAbsolutePath().normalize();
            Verdict verdict = verdicts.get(file);
            if (verdict == null) {
                refused.add(binary.file() + " was not verified: run static-go:verify after the build.");
            } else if (!verdict.ok()) {
                refused.add(binary.file() + " failed verification: " + String.join("; ", verdict.problems()));
            } else if (!binary.sha256().equals(verdict.sha256())) {
                refused.add(binary.file() + " was built or packed again after it was verified: run static-go:verify.");
            } else if (!Files.isRegularFile(file) || !FileDigest.sha256(file).equals(binary.sha256())) {
                refused.add(binary.file() + " changed after it was verified (its SHA-256 is no longer the one "
                        + "build.json records): build and verify it again (mvn verify).");
            }
        }
        if (!refused.isEmpty()) {
            throw new ImageException("static-go:image takes only verified, unchanged binaries:" + System.lineSeparator()
                    + "  - " + String.join(System.lineSeparator() + "  - ", refused));
        }
        return linux;
    }

    /** "sidecar" for sidecar-linux-arm-7: the file name without the platform suffix the build gives it. */
    public static String nameOf(BuiltBinary binary) {
        String file = Path.of(binary.file()).getFileName().toString();
        String suffix = "-" + binary.platform().classifier();
        return file.endsWith(suffix) ? file.substring(0, file.length() - suffix.length()) : file;
    }
}
