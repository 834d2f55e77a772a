package io.github.staticgo.gotest;

import io.github.staticgo.Json;
import io.github.staticgo.gotest.TestCaseResult.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines {@code go test -json} prints, on stdout and stderr, into one {@link PackageResult}
 * per package. Lines may arrive from two threads; every method is synchronized.
 *
 * <p>What test2json leaves implicit is decided here: a test that never got its pass or fail event
 * (it panicked or timed out and took the test binary down) is an error when its package failed; a
 * benchmark never gets one either, and passed when its package did. A package that failed with no
 * test to blame (it did not compile, TestMain or an init function exited) gets one test case of
 * its own that carries go's output, so that the failure shows in the report.
 */
final class TestEventCollector {
    /** go test's own verdict lines, which say nothing a report does not say better. */
    private static final Pattern STATUS_LINE = Pattern.compile(
            "(PASS|FAIL|ok  \\t.*|FAIL\\t.*|\\?   \\t.*|exit status \\d+|testing: warning: no tests to run"
                    + "|(\\t\\S+\\t\\t)?coverage: .*)");
    /** go's framing of a test's output, which the report expresses in its structure. */
    private static final Pattern FRAMING_LINE =
            Pattern.compile("\\s*(=== (RUN|PAUSE|CONT|NAME) |--- (PASS|FAIL|SKIP): ).*");

    private static final Pattern FAILED_PACKAGE = Pattern.compile("FAIL\\t\\S+ \\[(.+)]");
    private static final Pattern PANIC = Pattern.compile("(?m)^panic: .*$");
    /** go's verdict for a package whose results come from its test cache. */
    private static final Pattern CACHED = Pattern.compile("(?m)^ok  \\t\\S+\\t\\(cached\\)");
    /** Where t.Error and t.Fatal say what went wrong: "    bundle_test.go:190: expected 200". */
    private static final Pattern TEST_FILE_LINE = Pattern.compile("(?m)^\\s*\\S+_test\\.go:\\d+: .*$");

    private final Consumer<PackageResult> onPackageDone;
    private final Map<String, PackageState> packages = new LinkedHashMap<>();
    private final Map<String, StringBuilder> buildOutput = new LinkedHashMap<>();
    private final List<String> otherOutput = new ArrayList<>();
    private String stderrSection;

    /** @param onPackageDone called when go reports a package finished, for progress */
    TestEventCollector(Consumer<PackageResult> onPackageDone) {
        this.onPackageDone = onPackageDone;
    }

    /** One line of go test's output; JSON events come on stdout, compiler errors of Go before 1.24 on stderr. */
    synchronized void accept(String line, boolean stderr) {
        if (stderr) {
            acceptStderr(line);
            return;
        }
        TestEvent event = parse(line).orElse(null);
        if (event == null) {
            otherOutput.add(line);
            return;
        }
        if (event.action() == null) {
            return;
        }
        switch (event.action()) {
            case "build-output" ->
                buildOutput
                        .computeIfAbsent(event.buildPackage(), k -> new StringBuilder())
                        .append(orEmpty(event.output()));
            case "build-fail" -> {}
            default -> {
                if (event.pkg() != null) {
                    PackageState state = packages.computeIfAbsent(event.pkg(), PackageState::new);
                    if (state.accept(event)) {
                        onPackageDone.accept(state.result(buildOutputOf(state.buildPackage())));
                    }
                }
            }
        }
    }

    /** Every package go reported on, in the order go started them. */
    synchronized List<PackageResult> results() {
        return packages.values().stream()
                .map(state -> state.result(buildOutputOf(state.buildPackage())))
                .toList();
    }

    /**
     * go test was killed (at the processTimeout): every package go had not finished failed, its test
     * still running is an error of type {@code timeout} with {@code reason} as its message, and a package
     * with no test to blame gets a {@code [killed]} error case. Finished packages keep their results.
     */
    synchronized List<PackageResult> resultsAfterKill(String reason) {
        packages.values().stream().filter(state -> state.action == null).forEach(state -> state.killedBecause = reason);
        return results();
    }

    /** Lines that belong to no package: go's own messages ("go: ..."), anything not JSON. */
    synchronized List<String> otherOutput() {
        return List.copyOf(otherOutput);
    }

    private Optional<TestEvent> parse(String line) {
        if (!line.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(line, TestEvent.class));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Go before 1.24 prints "# package" and then the compiler's errors for it on stderr. */
    private void acceptStderr(String line) {
        if (line.startsWith("# ")) {
            String name = line.substring(2).trim();
            stderrSection = name.replaceAll("^\\[|].*$", "").split(" ")[0];
        }
        if (stderrSection != null
                && (line.startsWith("# ")
                        || line.startsWith(" ")
                        || line.startsWith("\t")
                        || line.matches("\\S+\\.go:\\d+.*")
                        || line.startsWith("vet:"))) {
            buildOutput
                    .computeIfAbsent(stderrSection, k -> new StringBuilder())
                    .append(line)
                    .append('\n');
        } else {
            stderrSection = null;
            otherOutput.add(line);
        }
    }

    private String buildOutputOf(String importPath) {
        StringBuilder text = importPath == null ? null : buildOutput.get(importPath);
        return text == null ? "" : text.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Instant instant(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The lines of {@code text} without go's framing lines, joined again. */
    static String withoutFraming(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!FRAMING_LINE.matcher(line).matches()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().strip();
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    private static final class CaseState {
        final String name;
        final Instant started;
        final StringBuilder output = new StringBuilder();
        String action;
        double seconds;
        String failedChild;

        CaseState(String name, Instant started) {
            this.name = name;
            this.started = started;
        }
    }

    private static final class PackageState {
        final String importPath;
        final List<CaseState> cases = new ArrayList<>();
        final Map<String, CaseState> byName = new LinkedHashMap<>();
        final StringBuilder pending = new StringBuilder();
        final StringBuilder packageOutput = new StringBuilder();
        String action;
        double seconds;
        /** The package whose build failed this one: itself, or (with -bench, which orders the runs) another. */
        String failedBuild;
        /** Why go test was killed before this package finished, or null. */
        String killedBecause;

        Instant lastTime;

        PackageState(String importPath) {
            this.importPath = importPath;
        }

        /** Whose compiler output explains this package's build failure (Go before 1.24 does not say: itself). */
        String buildPackage() {
            return failedBuild != null ? failedBuild : importPath;
        }

        /** Returns true when this event ends the package. */
        boolean accept(TestEvent event) {
            Instant time = instant(event.time());
            if (time != null) {
                lastTime = time;
            }
            if (event.test() == null) {
                return acceptPackageEvent(event);
            }
            switch (event.action()) {
                case "run" -> {
                    CaseState test = new CaseState(event.test(), time);
                    test.output.append(pending);
                    pending.setLength(0);
                    cases.add(test);
                    byName.put(event.test(), test);
                }
                case "output", "bench" -> caseNamed(event.test(), time).output.append(orEmpty(event.output()));
                case "pass", "fail", "skip" -> {
                    CaseState test = caseNamed(event.test(), time);
                    test.action = event.action();
                    test.seconds = event.elapsed() == null ? 0 : event.elapsed();
                    int slash = event.test().lastIndexOf('/');
                    if ("fail".equals(event.action()) && slash > 0) {
                        CaseState parent = byName.get(event.test().substring(0, slash));
                        if (parent != null && parent.failedChild == null) {
                            parent.failedChild = event.test();
                        }
                    }
                }
                default -> {} // pause, cont: interleaving, already reflected in the output
            }
            return false;
        }

        private boolean acceptPackageEvent(TestEvent event) {
            switch (event.action()) {
                case "output" -> {
                    String text = orEmpty(event.output());
                    packageOutput.append(text);
                    pending.append(text);
                }
                case "pass", "fail", "skip" -> {
                    action = event.action();
                    seconds = event.elapsed() == null ? 0 : event.elapsed();
                    failedBuild = event.failedBuild() == null
                            ? null
                            : event.failedBuild().split(" ")[0];
                    return true;
                }
                default -> {}
            }
            return false;
        }

        /** test2json may name a test that has no run event (output after its end, or a lost line). */
        private CaseState caseNamed(String name, Instant time) {
            CaseState test = byName.get(name);
            if (test == null) {
                test = new CaseState(name, time);
                cases.add(test);
                byName.put(name, test);
            }
            return test;
        }

        PackageResult result(String buildOutput) {
            boolean failed = "fail".equals(action) || killedBecause != null;
            List<TestCaseResult> results = new ArrayList<>();
            for (CaseState test : cases) {
                results.add(caseResult(test, failed));
            }
            String leftover = leftover();
            boolean blamed =
                    results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.ERROR);
            if (failed && !blamed) {
                results.add(packageFailure(buildOutput));
            } else if (!leftover.isEmpty() && !results.isEmpty()) {
                TestCaseResult last = results.remove(results.size() - 1);
                String output = last.output().isEmpty() ? leftover : last.output() + "\n" + leftover;
                results.add(new TestCaseResult(
                        last.name(), last.seconds(), last.outcome(), last.type(), last.message(), output));
            }
            return new PackageResult(
                    importPath,
                    results,
                    seconds,
                    failed,
                    CACHED.matcher(packageOutput).find());
        }

        private TestCaseResult caseResult(CaseState test, boolean packageFailed) {
            String output = withoutFraming(test.output.toString());
            String action = test.action;
            double seconds = test.seconds;
            if (action == null) {
                // No verdict: a benchmark (never gets one), or a test the binary's crash cut short.
                seconds = test.started != null && lastTime != null
                        ? Duration.between(test.started, lastTime).toNanos() / 1e9
                        : 0;
                action = packageFailed ? "unfinished" : "pass";
            }
            Matcher panic = PANIC.matcher(output);
            return switch (action) {
                case "pass" -> new TestCaseResult(test.name, seconds, Outcome.PASSED, null, null, output);
                case "skip" ->
                    new TestCaseResult(
                            test.name,
                            seconds,
                            Outcome.SKIPPED,
                            null,
                            Optional.ofNullable(firstLine(output)).orElse("skipped"),
                            output);
                case "fail" ->
                    panic.find()
                            ? new TestCaseResult(
                                    test.name, seconds, Outcome.ERROR, errorType(panic.group()), panic.group(), output)
                            : new TestCaseResult(
                                    test.name, seconds, Outcome.FAILED, "FAIL", failureMessage(test, output), output);
                default ->
                    panic.find()
                            ? new TestCaseResult(
                                    test.name, seconds, Outcome.ERROR, errorType(panic.group()), panic.group(), output)
                            : killedBecause != null
                                    ? new TestCaseResult(
                                            test.name, seconds, Outcome.ERROR, "timeout", killedBecause, output)
                                    : new TestCaseResult(
                                            test.name,
                                            seconds,
                                            Outcome.ERROR,
                                            "did not finish",
                                            "the test binary exited before " + test.name + " finished",
                                            output);
            };
        }

        private static String errorType(String panicLine) {
            return panicLine.startsWith("panic: test timed out") ? "timeout" : "panic";
        }

        /** The first line that names a test file and line, else the first line: log lines often come first. */
        private static String failureMessage(CaseState test, String output) {
            Matcher located = TEST_FILE_LINE.matcher(output);
            if (located.find()) {
                return located.group().strip();
            }
            String first = firstLine(output);
            if (first != null) {
                return first;
            }
            return test.failedChild != null ? "subtest " + test.failedChild + " failed" : "failed";
        }

        /** The package failed and no test is to blame: the build, the set-up, TestMain or init. */
        private TestCaseResult packageFailure(String buildOutput) {
            String packageText = packageOutput.toString();
            if (killedBecause != null) {
                return new TestCaseResult(
                        "[killed]", seconds, Outcome.ERROR, "timeout", killedBecause, packageText.strip());
            }
            Matcher bracket = FAILED_PACKAGE.matcher(packageText);
            String kind = bracket.find() ? bracket.group(1) : failedBuild != null ? "build failed" : null;
            if (kind != null) {
                String output = (buildOutput + packageText).strip();
                String message = output.lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank())
                        .findFirst()
                        .map(String::strip)
                        .orElse("the package's tests did not build");
                if (failedBuild != null && !failedBuild.equals(importPath)) {
                    message = "not tested because " + failedBuild + " did not build: " + message;
                }
                return new TestCaseResult("[" + kind + "]", seconds, Outcome.ERROR, kind, message, output);
            }
            String output = packageText.strip();
            String message = output.lines()
                    .filter(l -> !STATUS_LINE.matcher(l).matches() && !l.isBlank())
                    .findFirst()
                    .map(String::strip)
                    .orElse("go test reported the package as failed, but no test failed "
                            + "(TestMain, an init function or os.Exit?)");
            return new TestCaseResult("[package failed]", seconds, Outcome.ERROR, "package failed", message, output);
        }

        /** Package output after the last test that is more than go's verdict lines. */
        private String leftover() {
            StringBuilder kept = new StringBuilder();
            pending.toString()
                    .lines()
                    .filter(l -> !STATUS_LINE.matcher(l).matches())
                    .forEach(l -> kept.append(l).append('\n'));
            return kept.toString().strip();
        }
    }
}
