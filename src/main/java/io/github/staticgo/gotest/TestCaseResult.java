package io.github.staticgo.gotest;

/**
 * One test case of a package's report: a test, a subtest ({@code TestTable/one}), an example, a
 * benchmark, or a package-level problem such as a build failure.
 *
 * @param name the name go uses, subtests joined with '/'
 * @param seconds how long it ran
 * @param type for failures and errors: what kind ("failed", "panic", "timeout", "build failed", ...), else null
 * @param message for failures, errors and skips: one line that says why, else null
 * @param output what the test printed, without go's own "=== RUN" and "--- PASS" lines; may be empty
 */
public record TestCaseResult(String name, double seconds, Outcome outcome, String type, String message, String output) {

    /** How a test case ended, in Surefire's terms. */
    public enum Outcome {
        PASSED,
        /** The test reported a failure (t.Error, t.Fatal, a wrong example output). */
        FAILED,
        /** The test did not get to report: it panicked, timed out, or its package did not build or crashed. */
        ERROR,
        SKIPPED
    }
}
