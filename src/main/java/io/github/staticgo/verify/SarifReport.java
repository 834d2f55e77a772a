package io.github.staticgo.verify;

import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known vulnerabilities of a verify run as a SARIF 2.1.0 log, which code-scanning services read: one rule
 * per vulnerability ID, one result per binary that has it, at level {@code error} when it fails the build and
 * {@code warning} when it does not; an accepted one carries its reason as an external suppression.
 */
final class SarifReport {
    private SarifReport() {}

    static void write(Path file, List<VerifiedBinary> binaries) throws IOException {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (VerifiedBinary binary : binaries) {
            if (binary.vulnerabilities() == null) {
                continue;
            }
            String uri = binary.expected().file().toAbsolutePath().toUri().toString();
            for (VulnerabilityCheck.Judged one : binary.vulnerabilities().judged()) {
                KnownVulnerability v = one.vulnerability();
                rules.computeIfAbsent(v.id(), id -> rule(v));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", v.id());
                result.put("level", one.fails() ? "error" : "warning");
                result.put(
                        "message",
                        Map.of(
                                "text",
                                v.module() + " " + v.version() + " has " + v.title()
                                        + (v.fixedVersion() == null
                                                ? "; no fixed version is known"
                                                : "; fixed in " + v.fixedVersion())
                                        + (v.symbols().isEmpty()
                                                ? ""
                                                : "; in the binary: " + String.join(", ", v.symbols()))));
                result.put(
                        "locations",
                        List.of(Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri)))));
                if (one.acceptedBecause() != null) {
                    result.put(
                            "suppressions",
                            List.of(Map.of("kind", "external", "justification", one.acceptedBecause())));
                }
                results.add(result);
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "static-go-maven-plugin");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        Json.writeFile(file, log);
    }

    private static Map<String, Object> rule(KnownVulnerability v) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", v.id());
        rule.put("shortDescription", Map.of("text", v.title()));
        if (v.summary() != null) {
            rule.put("fullDescription", Map.of("text", v.summary()));
        }
        return rule;
    }
}
