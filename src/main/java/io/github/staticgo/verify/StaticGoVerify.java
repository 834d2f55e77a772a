package io.github.staticgo.verify;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.GoPlatform;
import io.github.staticgo.platform.TargetResolver;
import io.github.staticgo.smoke.SmokeBinary;
import io.github.staticgo.smoke.SmokeResult;
import io.github.staticgo.smoke.SmokeRun;
import io.github.staticgo.toolchain.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The verify and inspect goals without Maven: collect the binaries and what is expected of each,
 * verify them all, write the JSON report.
 */
public final class StaticGoVerify {
    private StaticGoVerify() {}

    /** The binaries build.json lists, each expected to be what it was built for. */
    public static List<ExpectedBinary> fromManifest(Path outputDirectory) throws IOException {
        List<ExpectedBinary> expected = new ArrayList<>();
        for (BuiltBinary binary : BuildManifest.readIfPresent(outputDirectory)
                .map(BuildManifest::binaries)
                .orElse(List.of())) {
            boolean packed = binary.packedWithOriginal();
            expected.add(new ExpectedBinary(
                    outputDirectory.resolve(binary.file()),
                    binary.goos(),
                    binary.goarch(),
                    binary.variant(),
                    CgoMode.valueOf(binary.cgo().toUpperCase(java.util.Locale.ROOT)),
                    packed
                            ? outputDirectory
                                    .resolve(binary.upx().unpackedFile())
                                    .normalize()
                            : null,
                    packed ? binary.upx().version() : null,
                    new ExpectedBinary.Recorded(
                            binary.builtVariant(),
                            binary.sha256(),
                            packed ? binary.upx().unpackedSha256() : null,
                            binary.strip(),
                            binary.goPackage())));
        }
        return expected;
    }

    /**
     * Binaries declared in the pom (a downloaded sidecar, say) with the platform each must be for.
     *
     * @param declared file to "os/arch[/variant]", in declaration order
     * @param platforms go's platform list, by "goos/goarch", to check the platforms against; null when no go
     *     is at hand (then only their form and variant are checked)
     */
    public static List<ExpectedBinary> declared(
            Map<Path, String> declared, String element, Map<String, Platform> platforms) throws ConfigurationException {
        List<ExpectedBinary> expected = new ArrayList<>();
        for (Map.Entry<Path, String> entry : declared.entrySet()) {
            expected.add(expecting(entry.getKey(), entry.getValue(), element, platforms));
        }
        return expected;
    }

    /**
     * One file, or every regular file under a directory in name order, each expected to be {@code expect}.
     *
     * @param platforms go's platform list to check {@code expect} against, or null (see {@link #declared})
     */
    public static List<ExpectedBinary> underPath(Path path, String expect, Map<String, Platform> platforms)
            throws ConfigurationException, IOException {
        if (!Files.exists(path)) {
            throw new ConfigurationException(
                    "static-go.inspect", path + " does not exist. Name a binary or a directory.");
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        if (expect != null && !expect.isBlank()) {
            expecting(path, expect, "static-go.expect", platforms); // one message, not one per file
        }
        List<ExpectedBinary> expected = new ArrayList<>();
        for (Path file : files) {
            expected.add(
                    expect == null || expect.isBlank()
                            ? ExpectedBinary.anything(file)
                            : expecting(file, expect, "static-go.expect", platforms));
        }
        return expected;
    }

    private static ExpectedBinary expecting(Path file, String platform, String element, Map<String, Platform> platforms)
            throws ConfigurationException {
        if (platform == null || platform.isBlank()) {
            throw new ConfigurationException(
                    element,
                    "no platform for " + file + ": add the platform it must be for, e.g. "
                            + "<platform>linux/amd64</platform>.");
        }
        GoPlatform name = GoPlatform.parse(platform)
                .orElseThrow(() -> new ConfigurationException(
                        element,
                        "'" + platform + "' for " + file + " is not a platform: " + GoPlatform.formHint() + "."));
        List<String> problems = new ArrayList<>();
        TargetResolver.checkPlatform(platform.trim(), name, platforms, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(element, problems.get(0) + " (for " + file + ")");
        }
        return new ExpectedBinary(file, name.goos(), name.goarch(), name.variant(), null);
    }

    /**
     * What one verify or inspect run checks.
     *
     * @param skipUnknownFormats files of no executable format are listed but not checked (inspect)
     * @param reportFile where the JSON report is written
     * @param smoke the smoke run, or null for none
     * @param vulnerabilities the known-vulnerability check, or null for none
     */
    public record VerifyRequest(
            List<ExpectedBinary> binaries,
            VerifyPolicy policy,
            boolean skipUnknownFormats,
            Path reportFile,
            SmokeRun smoke,
            VulnerabilityOptions vulnerabilities) {
        public VerifyRequest {
            binaries = List.copyOf(binaries);
        }
    }

    /**
     * The known-vulnerability check of a verify run.
     *
     * @param sarifFile where the SARIF file of what it found is written
     */
    public record VulnerabilityOptions(VulnerabilityScan scan, VulnerabilityPolicy policy, Path sarifFile) {}

    /** {@link #verify(VerifyRequest)} without a smoke run. */
    public static VerifyReport verify(
            List<ExpectedBinary> binaries, VerifyPolicy policy, boolean skipUnknownFormats, Path reportFile)
            throws IOException {
        return verify(new VerifyRequest(binaries, policy, skipUnknownFormats, reportFile, null, null));
    }

    /**
     * Verifies every binary and, with a smoke run, then starts every binary that could be read (a
     * dynamically linked one too: the run shows what its interpreter's absence does). Each verdict carries
     * its own smoke result. With a vulnerability check, every Go binary is scanned (the unpacked original of a
     * packed one: what runs) and the SARIF file written.
     */
    public static VerifyReport verify(VerifyRequest request) throws IOException {
        List<VerifiedBinary> verified =
                new BinaryVerifier(request.skipUnknownFormats()).verify(request.binaries(), request.policy());
        if (request.smoke() != null) {
            verified = withSmokeRuns(verified, request.smoke());
        }
        if (request.vulnerabilities() != null) {
            verified = withVulnerabilityChecks(verified, request.vulnerabilities());
        }
        VerifyReport report = new VerifyReport(verified);
        report.writeJson(request.reportFile());
        if (request.vulnerabilities() != null) {
            SarifReport.write(request.vulnerabilities().sarifFile(), verified);
        }
        return report;
    }

    private static List<VerifiedBinary> withVulnerabilityChecks(
            List<VerifiedBinary> verified, VulnerabilityOptions options) {
        List<VerifiedBinary> checked = new ArrayList<>(verified.size());
        for (VerifiedBinary binary : verified) {
            BinaryReport program = binary.report() == null ? null : binary.program();
            if (program == null || program.goBuildInfo() == null) {
                checked.add(binary); // not a Go binary that could be read: govulncheck has nothing to go by
                continue;
            }
            Path file = binary.expected().packed()
                    ? binary.expected().unpacked()
                    : binary.expected().file();
            VulnerabilityCheck check;
            try {
                check = VulnerabilityCheck.judged(options.scan().scan(file), options.policy());
            } catch (VulnerabilityScan.ScanFailedException e) {
                check = VulnerabilityCheck.notScanned(e.getMessage());
            }
            checked.add(binary.withVulnerabilities(check));
        }
        return checked;
    }

    /** The verdicts with the smoke run of each binary that could be read; SmokeRun answers in the order asked. */
    private static List<VerifiedBinary> withSmokeRuns(List<VerifiedBinary> verified, SmokeRun smoke) {
        List<VerifiedBinary> readable =
                verified.stream().filter(binary -> binary.report() != null).toList();
        List<SmokeResult> results = smoke.run(readable.stream()
                .map(binary -> smokeBinary(binary.expected(), binary.report()))
                .toList());
        java.util.Map<VerifiedBinary, SmokeResult> byBinary = new java.util.IdentityHashMap<>();
        for (int i = 0; i < readable.size(); i++) {
            byBinary.put(readable.get(i), results.get(i));
        }
        return verified.stream()
                .map(binary -> binary.withSmoke(byBinary.get(binary)))
                .toList();
    }

    /** What the binary really is decides how it runs (its header's architecture); the target names it. */
    private static SmokeBinary smokeBinary(ExpectedBinary expected, BinaryReport report) {
        String goos = expected.hasExpectation() ? expected.goos() : report.goos();
        String goarch = report.goarch() != null ? report.goarch() : expected.goarch();
        boolean asExpected = goarch != null && goarch.equals(expected.goarch());
        String variant =
                asExpected && expected.requiredVariant() != null ? expected.requiredVariant() : report.variant();
        String platform = expected.hasExpectation() ? expected.target() : new GoPlatform(goos, goarch, null).toString();
        return new SmokeBinary(
                expected.file(),
                platform,
                goos,
                goarch,
                variant,
                report.format() == Format.ELF,
                report.interpreter(),
                expected.goPackage());
    }
}
