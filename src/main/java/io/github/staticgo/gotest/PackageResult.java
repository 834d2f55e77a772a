package io.github.staticgo.gotest;

import io.github.staticgo.gotest.TestCaseResult.Outcome;
import java.util.List;

/**
 * What {@code go test} reported for one Go package: its test cases in the order they started.
 *
 * @param importPath the package's import path, e.g. example.com/sidecar/server
 * @param seconds the package's own elapsed time as go reports it
 * @param failed go reported the package as failed (a test failed, it did not build, or it crashed)
 * @param cached go answered from its test cache ({@code ok pkg (cached)}): the results are an earlier run's
 */
public record PackageResult(
        String importPath, List<TestCaseResult> testCases, double seconds, boolean failed, boolean cached) {
    public PackageResult {
        testCases = List.copyOf(testCases);
    }

    public int tests() {
        return testCases.size();
    }

    public int failures() {
        return count(Outcome.FAILED);
    }

    public int errors() {
        return count(Outcome.ERROR);
    }

    public int skipped() {
        return count(Outcome.SKIPPED);
    }

    private int count(Outcome outcome) {
        return (int) testCases.stream().filter(c -> c.outcome() == outcome).count();
    }
}
