package io.github.staticgo.manifest;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each binary of build.json stands after the verify goal, the one decision the goals after verify
 * (image, SBOM) share: it may be used only when verify passed it and it is still what verify passed.
 * verify-report.json is read through its own small record, whose field names the verify goal keeps as a
 * contract, so that no goal's core depends on the verify goal's classes.
 */
public final class VerifyVerdicts {
    private VerifyVerdicts() {}

    /** How a built binary stands; only {@link #VERIFIED} may be used. */
    public enum Standing {
        VERIFIED,
        NOT_VERIFIED,
        FAILED,
        /** built or packed again after verify: build.json's SHA-256 is no longer the report's */
        REBUILT_SINCE,
        /** the file is not the one build.json records */
        CHANGED_SINCE
    }

    /** One binary of build.json, its file, and where it stands; {@code problems} are verify's, when it failed. */
    public record Verdict(BuiltBinary binary, Path file, Standing standing, List<String> problems) {
        /** Why it may not be used, for a message, or null when it may. */
        public String refusal() {
            return switch (standing) {
                case VERIFIED -> null;
                case NOT_VERIFIED -> binary.file() + " was not verified: run static-go:verify after the build.";
                case FAILED -> binary.file() + " failed verification: " + String.join("; ", problems);
                case REBUILT_SINCE ->
                    binary.file() + " was built or packed again after it was verified: run static-go:verify.";
                case CHANGED_SINCE ->
                    binary.file() + " changed after it was verified (its SHA-256 is no longer the one build.json"
                            + " records): build and verify it again (mvn verify).";
            };
        }
    }

    private record Report(List<Entry> binaries) {}

    private record Entry(String file, String sha256, boolean ok, List<String> problems) {}

    /**
     * Every binary of build.json in its order, each with its standing; none when there is no build.json.
     * A missing report leaves every binary {@link Standing#NOT_VERIFIED}.
     */
    public static List<Verdict> read(Path outputDirectory, Path reportFile) throws IOException {
        Map<Path, Entry> entries = new HashMap<>();
        if (Files.isRegularFile(reportFile)) {
            for (Entry entry : Json.readFile(reportFile, Report.class).binaries()) {
                entries.put(Path.of(entry.file()).toAbsolutePath().normalize(), entry);
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (BuiltBinary binary : BuildManifest.readIfPresent(outputDirectory)
                .map(BuildManifest::binaries)
                .orElse(List.of())) {
            Path file = outputDirectory.resolve(binary.file()).toAbsolutePath().normalize();
            Entry entry = entries.get(file);
            Standing standing;
            if (entry == null) {
                standing = Standing.NOT_VERIFIED;
            } else if (!entry.ok()) {
                standing = Standing.FAILED;
            } else if (!binary.sha256().equals(entry.sha256())) {
                standing = Standing.REBUILT_SINCE;
            } else if (!Files.isRegularFile(file) || !FileDigest.sha256(file).equals(binary.sha256())) {
                standing = Standing.CHANGED_SINCE;
            } else {
                standing = Standing.VERIFIED;
            }
            verdicts.add(new Verdict(
                    binary, file, standing, entry == null || entry.problems() == null ? List.of() : entry.problems()));
        }
        return verdicts;
    }
}
