package io.github.staticgo.gotest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.RecordingLog;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.platform.TargetSpec;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.CompileFlags;
import io.github.staticgo.toolchain.GoToolchainRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the real go test over {@link GoTestFixture} once and reads the reports back three ways: with the
 * DOM (names, outcomes, messages), with the Surefire report plugin's own parser, and against the
 * report schema's shape. The expected values come from the Go sources, not from the plugin.
 */
class StaticGoTestTest {
    private static final List<String> PACKAGES =
            List.of("./pass", "./fail", "./skip", "./panicky", "./broken", "./modes", "./notests");

    private static final TargetSpec LINUX_AMD64 =
            new TargetSpec("linux", "amd64", null, CgoMode.OFF, null, Map.of(), null, List.of(), null, null);

    @TempDir
    static Path work;

    private static Path module;
    private static Path reports;
    private static GoTestSummary summary;

    @BeforeAll
    static void runTheFixture() throws Exception {
        module = GoTestFixture.write(work.resolve("module"));
        reports = work.resolve("reports");
        summary = new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(request(module, reports, PACKAGES, List.of(), null, work.resolve("cover/coverage.out")));
    }

    static GoTestRequest request(
            Path module, Path reports, List<String> packages, List<String> flags, String pattern, Path coverage) {
        return GoTestRequest.builder(
                        module, new GoToolchainRequest(null, null, false, module, toolchainEnvironment()), reports)
                .packages(packages)
                .count(1)
                .coverageFile(coverage)
                .testFlags(flags)
                .testPattern(pattern)
                .processTimeout(Duration.ofMinutes(5))
                .build();
    }

    /** Maven's environment with cgo forced on and GOFLAGS set: the goal must not inherit either. */
    static Map<String, String> toolchainEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.put("CGO_ENABLED", "1");
        environment.put("GOFLAGS", "-tags=integration");
        environment.put("GOTOOLCHAIN", "local");
        return environment;
    }

    @Test
    void writesOneReportPerPackageWithTests() throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(
                    List.of(
                            "TEST-example.com.fixture.broken.xml",
                            "TEST-example.com.fixture.fail.xml",
                            "TEST-example.com.fixture.modes.xml",
                            "TEST-example.com.fixture.panicky.xml",
                            "TEST-example.com.fixture.pass.xml",
                            "TEST-example.com.fixture.skip.xml"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void passingPackageHasEveryTestSubtestAndExample() throws Exception {
        Element suite = suite("pass");
        assertCounts(suite, 7, 0, 0, 0);
        // Cases are in the order go started them; parallel subtests start in no fixed order.
        assertEquals(
                List.of(
                        "ExampleAdd",
                        "TestAdd",
                        "TestTable",
                        "TestTable/one",
                        "TestTable/one/inner",
                        "TestTable/two_words",
                        "TestTable/two_words/inner"),
                caseNames(suite).stream().sorted().toList());
        assertTrue(
                child(testCase(suite, "TestAdd"), "system-out").getTextContent().contains("adding 1 and 2"));
        for (Element test : cases(suite)) {
            assertEquals(GoTestFixture.MODULE + "/pass", test.getAttribute("classname"));
        }
    }

    @Test
    void aBenchmarkIsATestCaseWithItsResultInSystemOut() throws Exception {
        Path benched = work.resolve("bench");
        new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(request(module, benched, List.of("./pass"), List.of("-bench=.", "-benchtime=1x"), null, null));
        Element suite = parse(benched.resolve("TEST-example.com.fixture.pass.xml"));
        assertCounts(suite, 8, 0, 0, 0);
        String output = child(testCase(suite, "BenchmarkAdd"), "system-out").getTextContent();
        assertTrue(output.contains("ns/op"), output);
        assertTrue(output.contains("goarch: "), "the benchmark header go prints before the first benchmark: " + output);
    }

    /** With -bench go runs the packages one after another, and one that does not compile fails the rest. */
    @Test
    void withBenchmarksABrokenPackageFailsTheOthersAndTheReportSaysWhich() throws Exception {
        Path benched = work.resolve("bench-broken");
        GoTestSummary result = new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(request(
                        module,
                        benched,
                        List.of("./pass", "./broken"),
                        List.of("-bench=.", "-benchtime=1x"),
                        null,
                        null));
        assertEquals(2, result.errors());
        Element pass = parse(benched.resolve("TEST-example.com.fixture.pass.xml"));
        assertCounts(pass, 1, 0, 1, 0);
        String message = child(testCase(pass, "[build failed]"), "error").getAttribute("message");
        assertTrue(message.startsWith("not tested because example.com/fixture/broken did not build: "), message);
        assertTrue(message.contains("not an int"), message);
    }

    @Test
    void failuresCarryTheTestsOutputAndSubtestsFailTheirParent() throws Exception {
        Element suite = suite("fail");
        assertCounts(suite, 5, 3, 0, 0);
        Element bad = child(testCase(suite, "TestBad"), "failure");
        assertTrue(bad.getAttribute("message").contains("want 3, got 4"), bad.getAttribute("message"));
        assertTrue(
                bad.getTextContent().contains("markup <xml> & ]]> and a colour \\u001B[31mred"), bad.getTextContent());
        assertTrue(child(testCase(suite, "TestSub/broken"), "failure")
                .getAttribute("message")
                .contains("sub failed"));
        assertTrue(child(testCase(suite, "TestSub"), "failure") != null);
        assertEquals(null, child(testCase(suite, "TestSub/ok"), "failure"));
        assertEquals(null, child(testCase(suite, "TestGood"), "failure"));
    }

    @Test
    void aFailuresMessageIsTheLineThatNamesTheTestFileNotTheLogLinesBeforeIt() throws Exception {
        GoTestSummary logsFirst = new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(request(module, work.resolve("logs-first"), List.of("./logsfirst"), List.of(), null, null));
        assertEquals(
                List.of(GoTestFixture.MODULE + "/logsfirst TestHandler: logsfirst_test.go:11: expected: 200, have 400"),
                logsFirst.failed(TestCaseResult.Outcome.FAILED));
        Element failure = child(
                testCase(parse(work.resolve("logs-first/TEST-example.com.fixture.logsfirst.xml")), "TestHandler"),
                "failure");
        assertTrue(failure.getTextContent().contains("[INFO] handler ready"), failure.getTextContent());
    }

    @Test
    void resultsFromGosTestCacheAreMarkedAsCached() throws Exception {
        GoTestRequest cacheable =
                request(module, work.resolve("cached-1"), List.of("./pass"), List.of(), null, null).toBuilder()
                        .count(null)
                        .build();
        StaticGoTest tests = new StaticGoTest(new ProcessRunner(), BuildLog.silent());
        tests.run(cacheable);
        RecordingLog log = new RecordingLog();
        GoTestSummary again = new StaticGoTest(new ProcessRunner(), log)
                .run(cacheable.toBuilder()
                        .reportsDirectory(work.resolve("cached-2"))
                        .build());
        assertTrue(again.packages().get(0).cached(), "go test printed (cached) for the second run");
        assertTrue(log.has("INFO", "(cached) - in " + GoTestFixture.MODULE + "/pass"), log.toString());
        assertEquals(
                "true", property(parse(work.resolve("cached-2/TEST-example.com.fixture.pass.xml")), "go.test.cached"));
        GoTestSummary forced = tests.run(cacheable.toBuilder()
                .count(1)
                .reportsDirectory(work.resolve("cached-3"))
                .build());
        assertFalse(forced.packages().get(0).cached(), "-count=1 runs the tests again");
    }

    @Test
    void testsAreCompiledWithTheBuildsTrimpathAndCompilerFlags() throws Exception {
        GoTestRequest request = request(module, reports, List.of("./pass"), List.of(), null, null).toBuilder()
                .compileFlags(new CompileFlags(true, "all=-N -l", "-trimpath=x"))
                .build();
        List<String> arguments = GoTestCommand.arguments(request, LINUX_AMD64, null, List.of());
        assertTrue(
                arguments.containsAll(List.of("-trimpath", "-gcflags=all=-N -l", "-asmflags=-trimpath=x")),
                arguments.toString());
        assertFalse(GoTestCommand.arguments(
                        request.toBuilder()
                                .compileFlags(new CompileFlags(false, null, null))
                                .build(),
                        LINUX_AMD64,
                        null,
                        List.of())
                .contains("-trimpath"));
    }

    @Test
    void skippedTestsSayWhy() throws Exception {
        Element suite = suite("skip");
        assertCounts(suite, 2, 0, 0, 1);
        assertTrue(child(testCase(suite, "TestSkipped"), "skipped")
                .getAttribute("message")
                .contains("needs a database"));
    }

    @Test
    void aPanicIsAnErrorAndTestsAfterItAreNotReported() throws Exception {
        Element suite = suite("panicky");
        assertCounts(suite, 2, 0, 1, 0);
        assertEquals(List.of("TestFirst", "TestPanics"), caseNames(suite));
        Element error = child(testCase(suite, "TestPanics"), "error");
        assertEquals("panic", error.getAttribute("type"));
        assertTrue(
                error.getAttribute("message").startsWith("panic: assignment to entry in nil map"),
                error.getAttribute("message"));
        assertTrue(error.getTextContent().contains("panicky_test.go:9"), error.getTextContent());
    }

    @Test
    void aPackageThatDoesNotCompileIsOneErrorWithTheCompilerMessage() throws Exception {
        Element suite = suite("broken");
        assertCounts(suite, 1, 0, 1, 0);
        Element error = child(testCase(suite, "[build failed]"), "error");
        assertEquals("build failed", error.getAttribute("type"));
        assertTrue(error.getTextContent().contains("broken.go:3"), error.getTextContent());
        assertTrue(error.getAttribute("message").contains("not an int"), error.getAttribute("message"));
    }

    @Test
    void cgoModeAndTagsComeFromThePomNotFromTheCallersEnvironment() throws Exception {
        Element suite = suite("modes");
        assertEquals(List.of("TestCgoOff"), caseNames(suite));
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = suite.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        assertEquals("0", properties.get("CGO_ENABLED"));
        assertTrue(properties.get("go.version").startsWith("go1."));
    }

    @Test
    void summaryTotalsAndCoverage() {
        assertEquals(7 + 5 + 2 + 2 + 1 + 1, summary.tests());
        assertEquals(3, summary.failures());
        assertEquals(2, summary.errors());
        assertEquals(1, summary.skipped());
        assertFalse(summary.ok());
        assertTrue(summary.coverPercent().isPresent());
        assertTrue(
                summary.failed(TestCaseResult.Outcome.FAILED)
                        .contains(GoTestFixture.MODULE
                                + "/fail TestSub/broken: sub_failed"
                                        .replace("sub_failed", "fail_test.go:14: sub failed")),
                summary.failed(TestCaseResult.Outcome.FAILED).toString());
    }

    @Test
    void everyReportHasTheSchemasShapeAndSurefiresParserReadsTheSameCounts() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(StaticGoTestTest.class.getResource("/xsd/surefire-report-shape.xsd"));
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.toList()) {
                schema.newValidator().validate(new StreamSource(file.toFile()));
                Element suite = parse(file);
                List<ReportTestSuite> parsed = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
                assertEquals(1, parsed.size(), file.toString());
                ReportTestSuite read = parsed.get(0);
                assertEquals(Integer.parseInt(suite.getAttribute("tests")), read.getNumberOfTests(), file.toString());
                assertEquals(
                        Integer.parseInt(suite.getAttribute("failures")), read.getNumberOfFailures(), file.toString());
                assertEquals(Integer.parseInt(suite.getAttribute("errors")), read.getNumberOfErrors(), file.toString());
                assertEquals(
                        Integer.parseInt(suite.getAttribute("skipped")), read.getNumberOfSkipped(), file.toString());
                assertEquals(
                        caseNames(suite),
                        read.getTestCases().stream()
                                .map(ReportTestCase::getName)
                                .toList());
                assertEquals(cases(suite).size(), read.getTestCases().size());
            }
        }
    }

    @Test
    void theTestPropertySelectsTestsAndSubtests() throws Exception {
        assertEquals(
                List.of("TestTable", "TestTable/one", "TestTable/one/inner"), selected("TestTable#one", "pass", 1));
        assertEquals(List.of("TestAdd"), selected("TestAd?*", "pass", 1));
        assertEquals(List.of("TestGood", "TestBad", "TestSub", "TestSub/ok"), selected("!TestSub/broken", "fail", 2));
    }

    /** The names in {@code pkg}'s report when {@code -Dtest=pattern} tests pass and fail; {@code reports}: how many packages had tests. */
    private static List<String> selected(String pattern, String pkg, int reports) throws Exception {
        Path selected = work.resolve("selected-" + Integer.toHexString(pattern.hashCode()));
        new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(request(module, selected, List.of("./pass", "./fail"), List.of(), pattern, null));
        try (Stream<Path> files = Files.list(selected)) {
            assertEquals(reports, files.count(), "a package none of whose tests is selected has no report");
        }
        return caseNames(parse(selected.resolve(JUnitReportWriter.fileName(GoTestFixture.MODULE + "/" + pkg))));
    }

    @Test
    void aTestThatRunsPastTheTimeoutIsAnError() throws Exception {
        Path timedOut = work.resolve("timeout");
        GoTestRequest base = request(module, timedOut, List.of("./slow"), List.of(), null, null);
        GoTestRequest request = base.toBuilder()
                .timeout("1s")
                .processTimeout(Duration.ofMinutes(2))
                .build();
        GoTestSummary result = new StaticGoTest(new ProcessRunner(), BuildLog.silent()).run(request);
        Element suite = parse(timedOut.resolve("TEST-example.com.fixture.slow.xml"));
        assertCounts(suite, 2, 0, 1, 0);
        Element error = child(testCase(suite, "TestSlow"), "error");
        assertEquals("timeout", error.getAttribute("type"));
        assertTrue(error.getAttribute("message").startsWith("panic: test timed out after 1s"));
        assertEquals(1, result.errors());
    }

    @Test
    void goTestKilledAtTheProcessTimeoutStillReportsWhatFinishedAndWhatHung() throws Exception {
        Path killed = work.resolve("killed");
        GoTestRequest base = request(module, killed, List.of("./pass", "./slow"), List.of(), null, null);
        GoTestRequest request =
                base.toBuilder().processTimeout(Duration.ofSeconds(8)).build();
        long start = System.nanoTime();
        GoTestException failure = org.junit.jupiter.api.Assertions.assertThrows(
                GoTestException.class, () -> new StaticGoTest(new ProcessRunner(), BuildLog.silent()).run(request));
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).toSeconds() < 25,
                "TestSlow sleeps 30 s; the kill came first");
        assertTrue(failure.getMessage().contains("did not finish within 8 s"), failure.getMessage());

        Element passed = parse(killed.resolve("TEST-example.com.fixture.pass.xml"));
        assertEquals("0", passed.getAttribute("errors"), "the package that finished keeps its results");
        Element slow = parse(killed.resolve("TEST-example.com.fixture.slow.xml"));
        assertCounts(slow, 2, 0, 1, 0);
        Element error = child(testCase(slow, "TestSlow"), "error");
        assertEquals("timeout", error.getAttribute("type"));
        assertEquals("go test was killed after 8 s (<processTimeout>) while this ran", error.getAttribute("message"));
    }

    @Test
    void tagsAndCgoOnReachTheCompilerAndRaceRuns() throws Exception {
        Path raced = work.resolve("race");
        GoTestRequest base = request(module, raced, List.of("./modes"), List.of(), null, null);
        GoTestRequest request = base.toBuilder()
                .cgo("on")
                .tags(List.of("integration"))
                .race(true)
                .build();
        new StaticGoTest(new ProcessRunner(), BuildLog.silent()).run(request);
        assertEquals(
                List.of("TestCgoOn", "TestTagged"),
                caseNames(parse(raced.resolve("TEST-example.com.fixture.modes.xml"))));
    }

    @Test
    void aForeignLinuxArchitectureRunsUnderQemu() throws Exception {
        Path arm = work.resolve("arm64");
        GoTestRequest base = request(module, arm, List.of("./pass"), List.of(), null, null);
        GoTestRequest request = base.toBuilder().platform("linux/arm64").build();
        GoTestSummary result = new StaticGoTest(new ProcessRunner(), BuildLog.silent()).run(request);
        assertEquals(7, result.tests());
        assertTrue(result.ok());
        assertTrue(Files.readString(arm.resolve("TEST-example.com.fixture.pass.xml"))
                .contains("name=\"GOARCH\" value=\"arm64\""));
    }

    private static GoTestSummary testFor(String platform, String pkg, Path reports) throws Exception {
        GoTestRequest base = request(module, reports, List.of(pkg), List.of(), null, null);
        return new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(base.toBuilder().platform(platform).build());
    }

    @Test
    void armVariantTestsRunOnTheCpuOfTheirLevel() throws Exception {
        // qemu's default CPU runs DMB (ARMv7); the ARM1176 that GOARM=6 names does not: SIGILL.
        GoTestSummary armv6 = testFor("linux/arm/6", "./armv7", work.resolve("armv6"));
        Element v6 = parse(work.resolve("armv6/TEST-example.com.fixture.armv7.xml"));
        assertEquals(1, armv6.errors() + armv6.failures(), "the ARMv6 CPU refused the ARMv7 instruction");
        assertTrue(Files.readString(work.resolve("armv6/TEST-example.com.fixture.armv7.xml"))
                .contains("SIGILL"));
        assertCounts(v6, 1, 0, 1, 0);

        GoTestSummary armv7 = testFor("linux/arm/7", "./armv7", work.resolve("armv7"));
        assertTrue(armv7.ok(), "a Cortex-A8 runs it");
    }

    @Test
    void tests386RunNativelyOnAnAmd64Host() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "amd64".equals(HostPlatform.current().goarch()), "an amd64 host");
        RecordingLog log = new RecordingLog();
        GoTestRequest base = request(module, work.resolve("386"), List.of("./pass"), List.of(), null, null);
        GoTestSummary result = new StaticGoTest(new ProcessRunner(), log)
                .run(base.toBuilder().platform("linux/386").build());
        assertEquals(7, result.tests());
        assertTrue(result.ok(), "qemu-i386 would crash Go's 386 runtime; the kernel runs it");
        String testing = log.lines.stream()
                .filter(l -> l.startsWith("INFO Testing "))
                .findFirst()
                .orElseThrow();
        assertTrue(!testing.contains("-exec"), testing);
    }

    @Test
    void raceWithoutCgoIsRefusedBeforeGoRuns() {
        GoTestRequest base = request(module, work.resolve("refused"), List.of("./pass"), List.of(), null, null);
        GoTestRequest request = base.toBuilder()
                .race(true)
                .count(null)
                .processTimeout(Duration.ofMinutes(1))
                .build();
        ConfigurationException refused = assertThrows(
                ConfigurationException.class,
                () -> new StaticGoTest(new ProcessRunner(), BuildLog.silent()).run(request));
        assertEquals("race", refused.element());
    }

    @Test
    void theEnvironmentMustNotSetWhatTheCgoModeOwns() {
        GoTestRequest base = request(module, work.resolve("refused"), List.of("./pass"), List.of(), null, null);
        GoTestRequest request = base.toBuilder()
                .env(Map.of("CGO_ENABLED", "1"))
                .count(null)
                .processTimeout(Duration.ofMinutes(1))
                .build();
        ConfigurationException refused = assertThrows(
                ConfigurationException.class,
                () -> new StaticGoTest(new ProcessRunner(), BuildLog.silent()).run(request));
        assertEquals("<env>: must not set CGO_ENABLED; use <cgo> instead.", refused.getMessage());
    }

    @Test
    void aGoTestThatCannotStartIsNotATestFailure() {
        GoTestException failure = assertThrows(
                GoTestException.class,
                () -> new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                        .run(request(
                                module,
                                work.resolve("bad"),
                                List.of("./pass"),
                                List.of("-timeout=banana"),
                                null,
                                null)));
        assertTrue(failure.getMessage().contains("invalid value \"banana\" for flag -timeout"), failure.getMessage());
    }

    @Test
    void aMissingPackageIsASetupError() throws Exception {
        Path missing = work.resolve("missing");
        GoTestSummary result = new StaticGoTest(new ProcessRunner(), BuildLog.silent())
                .run(request(module, missing, List.of("./no/such/package"), List.of(), null, null));
        assertEquals(1, result.errors());
        Element error = child(
                testCase(parse(missing.resolve(JUnitReportWriter.fileName("./no/such/package"))), "[setup failed]"),
                "error");
        assertTrue(error.getAttribute("message").contains("directory not found"), error.getAttribute("message"));
    }

    // --- reading the reports back

    private static Element suite(String pkg) throws Exception {
        return parse(reports.resolve(JUnitReportWriter.fileName(GoTestFixture.MODULE + "/" + pkg)));
    }

    static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element root = document.getDocumentElement();
        assertEquals("testsuite", root.getTagName());
        return root;
    }

    private static void assertCounts(Element suite, int tests, int failures, int errors, int skipped) {
        String name = suite.getAttribute("name");
        assertEquals(tests, Integer.parseInt(suite.getAttribute("tests")), name + " tests");
        assertEquals(failures, Integer.parseInt(suite.getAttribute("failures")), name + " failures");
        assertEquals(errors, Integer.parseInt(suite.getAttribute("errors")), name + " errors");
        assertEquals(skipped, Integer.parseInt(suite.getAttribute("skipped")), name + " skipped");
        List<Element> cases = cases(suite);
        assertEquals(tests, cases.size(), name + " testcase elements");
        assertEquals(
                failures,
                cases.stream().filter(c -> child(c, "failure") != null).count(),
                name + " failure elements");
        assertEquals(
                errors, cases.stream().filter(c -> child(c, "error") != null).count(), name + " error elements");
        assertEquals(
                skipped, cases.stream().filter(c -> child(c, "skipped") != null).count(), name + " skipped elements");
    }

    static List<Element> cases(Element suite) {
        NodeList nodes = suite.getElementsByTagName("testcase");
        List<Element> cases = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            cases.add((Element) nodes.item(i));
        }
        return cases;
    }

    static List<String> caseNames(Element suite) {
        return cases(suite).stream().map(c -> c.getAttribute("name")).toList();
    }

    private static Element testCase(Element suite, String name) {
        return cases(suite).stream()
                .filter(c -> c.getAttribute("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + name + " in " + caseNames(suite)));
    }

    private static String property(Element suite, String name) {
        NodeList nodes = suite.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            if (property.getAttribute("name").equals(name)) {
                return property.getAttribute("value");
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }
}
