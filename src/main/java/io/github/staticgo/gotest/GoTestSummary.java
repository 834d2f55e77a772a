package io.github.staticgo.gotest;

import io.github.staticgo.BuildLog;
import io.github.staticgo.gotest.TestCaseResult.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a go test run ended: every package with tests, the coverage total and where the reports are.
 *
 * @param packages the packages that had test cases, in go's order
 * @param coverPercent the share of statements covered, when coverage was asked for and there were statements
 */
public record GoTestSummary(
        List<PackageResult> packages,
        OptionalDouble coverPercent,
        Path coverageFile,
        Path reportsDirectory,
        Duration elapsed) {

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

    /**
     * Surefire's closing block: the failures and errors by name, then the totals, and the coverage.
     *
     * @param testPattern Maven's -Dtest, or null, to say why no test ran
     */
    public void logClosingBlock(BuildLog log, String testPattern) {
        log.info("");
        log.info("Results:");
        log.info("");
        logProblems(log, "Failures:", failed(Outcome.FAILED));
        logProblems(log, "Errors:", failed(Outcome.ERROR));
        String totals = String.format(
                Locale.ROOT,
                "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d, Time elapsed: %.1f s",
                tests(),
                failures(),
                errors(),
                skipped(),
                elapsed.toMillis() / 1000.0);
        if (ok()) {
            log.info(totals);
        } else {
            log.error(totals);
        }
        if (tests() == 0) {
            log.warn("No Go tests ran" + (testPattern != null ? " (-Dtest=" + testPattern + " matched none)" : "")
                    + ".");
        }
        long cached = packages.stream().filter(PackageResult::cached).count();
        if (cached > 0) {
            log.info(cached + " of " + packages.size() + " packages' results come from go's test cache, as"
                    + " go test reports them when nothing they depend on changed; -Dstatic-go.test.count=1 runs"
                    + " them again.");
        }
        coverPercent.ifPresent(percent ->
                log.info(String.format(Locale.ROOT, "Coverage: %.1f%% of statements (%s)", percent, coverageFile)));
        log.info("");
    }

    private static void logProblems(BuildLog log, String heading, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        log.error(heading);
        problems.forEach(problem -> log.error("  " + problem));
        log.info("");
    }

    /** Why the tests fail the build: every failing and erroring test, and where the reports are. */
    public String failureMessage() {
        List<String> failing = new ArrayList<>(failed(Outcome.FAILED));
        failing.addAll(failed(Outcome.ERROR));
        return "There are Go test failures:" + System.lineSeparator() + "  "
                + String.join(System.lineSeparator() + "  ", failing) + System.lineSeparator()
                + "See " + reportsDirectory + " for the individual test results.";
    }
}
