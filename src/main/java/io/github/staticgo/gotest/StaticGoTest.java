package io.github.staticgo.gotest;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.Emulation;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.platform.TargetResolver;
import io.github.staticgo.platform.TargetSpec;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.ProcessTimedOutException;
import io.github.staticgo.process.SecretMasker;
import io.github.staticgo.toolchain.GoEnvironment;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The test goal without Maven: check the module and the configuration, locate Go, run
 * {@code go test -json}, and write one Surefire report per package that has tests. Test failures are
 * in the returned summary; an exception means go could not test at all.
 */
public final class StaticGoTest {
    private final ProcessRunner runner;
    private final BuildLog log;

    public StaticGoTest(ProcessRunner runner, BuildLog log) {
        this.runner = runner;
        this.log = log;
    }

    public GoTestSummary run(GoTestRequest request)
            throws ConfigurationException, ToolchainException, GoTestException, IOException {
        GoEnvironment.requireModule(request.moduleDirectory());
        GoEnvironment.refuseOwnedKeys(request.env());
        ProcessSpec.requireTimeout("processTimeout", request.processTimeout());
        ProcessSpec.requireTimeout("queryTimeout", request.toolchain().queryTimeout());
        List<String> selection = TestSelection.arguments(request.testPattern());
        GoToolchain go = GoToolchain.locate(request.toolchain(), runner, log);
        log.info("Using " + go.describe());
        TargetSpec target = target(request, go);
        String exec = exec(request, target, go);

        Path reports = request.reportsDirectory();
        Files.createDirectories(reports);
        if (request.coverageFile() != null) {
            Files.createDirectories(request.coverageFile().toAbsolutePath().getParent());
            Files.deleteIfExists(request.coverageFile());
        }
        Map<String, String> environment = GoTestCommand.environment(request, target);
        ProcessSpec command = go.command(
                GoTestCommand.arguments(request, target, exec, selection), environment, request.processTimeout());
        log.info("Testing " + String.join(" ", request.packages()) + " for " + target.displayName() + ": "
                + command.describe(environment));

        TestEventCollector collector = new TestEventCollector(this::logPackage);
        ProcessResult result;
        try {
            result = runner.run(command, line -> {
                collector.accept(line.text(), line.stderr());
                if (line.stderr() || !line.text().startsWith("{")) {
                    log.info(SecretMasker.maskText(line.text()));
                }
            });
        } catch (ProcessTimedOutException e) {
            // What finished is reported, and the package that hung says so, before the goal fails.
            writeReports(
                    collector.resultsAfterKill("go test was killed after "
                            + request.processTimeout().toSeconds() + " s (<processTimeout>) while this ran"),
                    properties(go, target, environment),
                    reports);
            throw new GoTestException("go test: " + SecretMasker.maskText(e.getMessage()), e);
        } catch (ProcessFailedException e) {
            throw new GoTestException("go test: " + SecretMasker.maskText(e.getMessage()), e);
        }

        List<PackageResult> tested = writeReports(collector.results(), properties(go, target, environment), reports);
        OptionalDouble coverage = request.coverageFile() != null && Files.isRegularFile(request.coverageFile())
                ? CoverageProfile.totalPercent(request.coverageFile())
                : OptionalDouble.empty();
        GoTestSummary summary = new GoTestSummary(tested, coverage, request.coverageFile(), reports, result.elapsed());
        if (!result.succeeded() && summary.ok()) {
            throw new GoTestException("go test failed with exit code " + result.exitCode() + " before any test failed:"
                    + System.lineSeparator()
                    + SecretMasker.maskText(String.join(
                            System.lineSeparator(),
                            collector.otherOutput().isEmpty() ? result.outputTail() : collector.otherOutput())));
        }
        return summary;
    }

    /** Writes a report per package that has tests; returns those packages. */
    private static List<PackageResult> writeReports(
            List<PackageResult> results, Map<String, String> properties, Path reports) throws IOException {
        List<PackageResult> tested = new ArrayList<>();
        for (PackageResult packageResult : results) {
            if (packageResult.tests() > 0) {
                Map<String, String> suiteProperties = new LinkedHashMap<>(properties);
                if (packageResult.cached()) {
                    suiteProperties.put("go.test.cached", "true");
                }
                JUnitReportWriter.write(packageResult, suiteProperties, reports);
                tested.add(packageResult);
            }
        }
        return tested;
    }

    /** The platform tests run on, checked by the build's own target rules (cgo support, C compiler, variant). */
    private static TargetSpec target(GoTestRequest request, GoToolchain go)
            throws ConfigurationException, ToolchainException {
        String platform = request.platform() == null || request.platform().isBlank()
                ? go.hostPlatform()
                : request.platform().strip();
        TargetSpec target;
        try {
            target = new TargetResolver(go.platforms(), go.hostPlatform(), go.path())
                    .resolve(List.of(TargetDeclaration.of(platform)), request.cgo())
                    .get(0);
        } catch (ConfigurationException e) {
            String element = request.platform() == null ? "cgo" : "testPlatform";
            throw new ConfigurationException(
                    element, e.getMessage().substring(e.element().length() + 4));
        }
        if (request.race() && target.cgo() == CgoMode.OFF) {
            throw new ConfigurationException(
                    "race",
                    "-race needs cgo, and <cgo> is off. Set <cgo>on</cgo> in this "
                            + "goal's <configuration> (tests are not shipped, so they need not be static), or remove <race>.");
        }
        if (request.race() && !target.platform().equals(go.hostPlatform())) {
            throw new ConfigurationException(
                    "race",
                    "-race works only on the host platform (" + go.hostPlatform() + "), not under emulation for "
                            + target.platform() + ".");
        }
        return target;
    }

    /** The -exec program: the configured one, or qemu-user for a linux platform whose architecture is not the host's. */
    private static String exec(GoTestRequest request, TargetSpec target, GoToolchain go) throws ConfigurationException {
        if (request.exec() != null && !request.exec().isBlank()) {
            return request.exec().strip();
        }
        if (target.platform().equals(go.hostPlatform())) {
            return null;
        }
        String hostOs = go.hostPlatform().substring(0, go.hostPlatform().indexOf('/'));
        if (!"linux".equals(target.goos()) || !"linux".equals(hostOs)) {
            throw new ConfigurationException(
                    "testExec",
                    target.platform() + " test binaries cannot run on this " + go.hostPlatform()
                            + " host by themselves: set <testExec> to a program that runs them.");
        }
        // The smoke run's decision: 386 runs natively on amd64 (qemu-i386 crashes Go's 386 runtime), and
        // a variant runs on the oldest CPU of its level (GOARM=6 on an ARM1176).
        Emulation emulation = Emulation.decide(target.goarch(), target.variant(), HostPlatform.current(), go.path());
        if (emulation.isNative()) {
            return null;
        }
        if (!emulation.available()) {
            throw new ConfigurationException(
                    "testExec",
                    "testing for " + target.displayName() + " on this "
                            + go.hostPlatform() + " host: " + emulation.reason() + ". " + emulation.fix()
                            + ", or set <testExec> to a program that runs the test binaries.");
        }
        return emulation.commandLine();
    }

    private static Map<String, String> properties(GoToolchain go, TargetSpec target, Map<String, String> environment) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("go.version", go.version().text());
        properties.put("GOOS", target.goos());
        properties.put("GOARCH", target.goarch());
        properties.putAll(target.variantEnvironment());
        properties.put("CGO_ENABLED", environment.get("CGO_ENABLED"));
        return properties;
    }

    /** Surefire's line per test class, here per package, as soon as go reports the package. */
    private void logPackage(PackageResult result) {
        if (result.tests() == 0) {
            log.debug(result.importPath() + ": no tests");
            return;
        }
        String line = String.format(
                Locale.ROOT,
                "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d, Time elapsed: %s s%s%s - in %s",
                result.tests(),
                result.failures(),
                result.errors(),
                result.skipped(),
                JUnitReportWriter.seconds(result.seconds()),
                result.cached() ? " (cached)" : "",
                result.failures() + result.errors() > 0 ? " <<< FAILURE!" : "",
                result.importPath());
        if (result.failures() + result.errors() > 0) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }
}
