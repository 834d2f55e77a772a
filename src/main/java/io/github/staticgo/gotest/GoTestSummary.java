package io.github.staticgo.gotest;

import io.github.staticgo.gotest.TestCaseResult.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How a go test run ended: every package with tests, the coverage total and where the reports are.
 *
 * @param packages the packages that had test cases, in go's order
 * @param coverPercent the share of statements covered, when coverage was asked for and there were statements
 */
public record GoTestSummary(List<PackageResult> packages, OptionalDouble coverPercent, Path coverageFile,
        Path reportsDirectory, Duration elapsed) {

    public GoTestSummary {
        packages = List.copyOf(packages);
    }

    public int tests() {
        return packages.stream().mapToInt(PackageResult::tests).sum();
    }

    public int failures() {
        return packages.stream().mapToInt(PackageResult::failures).sum();
    }

    public int errors() {
        return packages.stream().mapToInt(PackageResult::errors).sum();
    }

    public int skipped() {
        return packages.stream().mapToInt(PackageResult::skipped).sum();
    }

    public boolean ok() {
        return failures() == 0 && errors() == 0;
    }

    /** "example.com/m/p TestAdd: add_test.go:9: want 3, got 4", one per failed test case. */
    public List<String> failed(Outcome outcome) {
        List<String> lines = new ArrayList<>();
        for (PackageResult result : packages) {
            for (TestCaseResult test : result.testCases()) {
                if (test.outcome() == outcome) {
                    lines.add(result.importPath() + " " + test.name() + ": " + test.message());
                }
            }
        }
        return lines;
    }
}
