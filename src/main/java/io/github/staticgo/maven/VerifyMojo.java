package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.UnreadableFileException;
import io.github.staticgo.binary.MalformedBinaryException;
import io.github.staticgo.manifest.OutputTimestamp;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.sbom.StaticGoSbom;
import io.github.staticgo.smoke.SmokeOptions;
import io.github.staticgo.smoke.SmokeRun;
import io.github.staticgo.toolchain.GoEnvironment;
import io.github.staticgo.toolchain.GoTool;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import io.github.staticgo.verify.ExpectedBinary;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import io.github.staticgo.verify.VerifyReport;
import io.github.staticgo.verify.VulnerabilityPolicy;
import io.github.staticgo.verify.VulnerabilityScan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Reads every binary the build goal produced (and any declared in {@code <binaries>}) with the
 * plugin's own analyzer and fails the build, once, when one is not static or not built for its target.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractGoMojo {
    /**
     * The build goal's output directory, whose build.json lists the binaries to verify.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.outputDirectory", defaultValue = "${project.build.directory}/static-go")
    private File outputDirectory;

    /**
     * Further binaries to verify, each with the platform it must be for:
     * {@code <binary><file>lib/agent</file><platform>linux/amd64</platform></binary>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Binary> binaries;

    /**
     * Lets a static-pie ELF pass (no interpreter, no needed library, but self-relocating).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.allowStaticPie", defaultValue = "true")
    private boolean allowStaticPie;

    /**
     * Lets a static glibc binary that carries NSS pass (it will dlopen libnss_* at run time).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.allowGlibcNss", defaultValue = "false")
    private boolean allowGlibcNss;

    /**
     * Lets a Windows binary pass without ASLR (DYNAMIC_BASE, and HIGH_ENTROPY_VA when 64-bit) or DEP
     * (NX_COMPAT) in its DllCharacteristics; go's default build mode on windows, pie, sets them all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.allowUnhardenedPe", defaultValue = "false")
    private boolean allowUnhardenedPe;

    /**
     * Fails binaries that still have their symbol table.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.requireStripped", defaultValue = "false")
    private boolean requireStripped;

    /**
     * Where the JSON report is written.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "static-go.verify.report",
            defaultValue = "${project.build.directory}/static-go/verify-report.json")
    private File reportFile;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.verify.skip", defaultValue = "false")
    private boolean skipVerify;

    /**
     * Starts every Linux binary in a sandboxed root that holds nothing but the binary (bwrap, else unshare,
     * else chroot; see the README's "Smoke run"), natively or under qemu-user for other architectures, and
     * fails verify when it does not end as expected. Off unless given:
     * {@code <smoke><args><arg>--version</arg></args><output>^myapp 1\.2</output></smoke>}.
     * Elements: {@code args}, {@code exitCode} (0), {@code output} (a regular expression found in what it
     * prints), {@code timeout} (5 seconds), {@code requireRun} (false: a binary with no emulator here is
     * reported as not run), {@code emulator} (a command instead of the automatic choice), {@code skip}, and
     * {@code targets} of {@code <target><platform>linux/arm64</platform>...</target>} overriding any of
     * these for one platform.
     *
     * @since 0.1.0
     */
    @Parameter
    private Smoke smoke;

    /**
     * The build's {@code <packages>}: a {@code <package>} in the long form with its own {@code <smoke>}
     * ({@code args}, {@code exitCode}, {@code output}, ...) overrides {@code <smoke>} and its per-platform
     * settings for that package's binaries. Declare {@code <packages>} in the plugin's
     * {@code <configuration>} so that build and verify read the same list.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<MainPackage> packages;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    /**
     * Skips the smoke run (the binaries are still analyzed).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.smoke.skip", defaultValue = "false")
    private boolean skipSmoke;

    /**
     * Where the empty roots of the smoke run are made, one per binary, and removed again (not on a noexec mount).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/static-go-smoke", readonly = true, required = true)
    private File smokeDirectory;

    /**
     * Where the build goal keeps go's platform list, against which declared binaries' platforms are checked.
     */
    @Parameter(defaultValue = "${project.build.directory}/static-go-state", readonly = true)
    private File stateDirectory;

    /**
     * Checks every Go binary for known vulnerabilities with {@code govulncheck -mode binary} and fails verify on
     * each one found in a module version the binary links, unless accepted. Off unless given:
     * {@code <vulnerabilities><database>file:///srv/vulndb</database></vulnerabilities>}. Elements:
     * {@code database} (Go's public database by default; a {@code file://} mirror for air-gapped CI),
     * {@code onFound} ({@code fail} or {@code warn}), {@code accept} of
     * {@code <vulnerability><id>GO-2021-0113</id><reason>...</reason></vulnerability>} (an ID or a CVE alias;
     * reported as a warning), {@code govulncheckVersion} (v1.1.4: installed once with go install into
     * {@code toolsDirectory}), {@code govulncheck} (an executable to run instead), {@code timeout} (300 seconds
     * per binary), {@code skip}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Vulnerabilities vulnerabilities;

    /**
     * Where the known vulnerabilities found are written as SARIF 2.1.0, for code-scanning services.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "static-go.verify.sarif",
            defaultValue = "${project.build.directory}/static-go/verify-vulnerabilities.sarif")
    private File sarifFile;

    /**
     * Where go-installed tools (govulncheck) are kept, one directory per tool and version, shared by every
     * project that uses the same local repository.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.toolsDirectory", defaultValue = "${settings.localRepository}/../static-go-tools")
    private File toolsDirectory;

    /**
     * Writes a CycloneDX 1.6 JSON SBOM beside every binary of build.json that passed verify
     * ({@code <binary>.cdx.json}), from the binary's own Go build info, and attaches it with the classifier
     * {@code <binary's classifier>-cyclonedx}, type {@code json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.sbom", defaultValue = "false")
    private boolean sbom;

    /**
     * Attaches the SBOMs to the project; the same property as the build goal's, which attaches the binaries.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.attach", defaultValue = "true")
    private boolean attach;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    private final MavenProjectHelper projectHelper;

    @Inject
    public VerifyMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected boolean goalSkipped() {
        return skipVerify;
    }

    /**
     * Whether this project binds static-go:build and nothing skips it: then a missing build.json means its
     * outputs were lost (a build cache restored the project without them), not that there is nothing to check.
     */
    private boolean buildBoundAndNotSkipped() {
        if (project == null || mojoExecution == null) {
            return false;
        }
        for (String skip : List.of("static-go.build.skip", "static-go.skip")) {
            String value = session.getUserProperties()
                    .getProperty(skip, project.getProperties().getProperty(skip));
            if (Boolean.parseBoolean(value)) {
                return false;
            }
        }
        return project.getBuildPlugins().stream()
                .filter(plugin -> plugin.getArtifactId().equals(mojoExecution.getArtifactId()))
                .flatMap(plugin -> plugin.getExecutions().stream())
                .anyMatch(execution -> execution.getGoals().contains("build"));
    }

    @Override
    protected String goalName() {
        return "verify";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        VerifyReport report;
        try {
            if (vulnerabilities != null && !vulnerabilities.skip()) {
                vulnerabilities.check(session.isOffline());
            }
            List<ExpectedBinary> expected = new ArrayList<>(StaticGoVerify.fromManifest(outputDirectory.toPath()));
            Map<Path, String> declared = declaredBinaries();
            expected.addAll(StaticGoVerify.declared(
                    declared,
                    "binaries",
                    declared.isEmpty()
                            ? null
                            : knownPlatforms(stateDirectory.toPath().resolve(GoToolchain.KEPT_FACTS_FILE))));
            if (expected.isEmpty()) {
                if (buildBoundAndNotSkipped()) {
                    throw new MojoFailureException("Nothing to verify, yet static-go:build is bound in this project: "
                            + "there is no build.json in " + outputDirectory + ". A build cache that restored the"
                            + " project without that directory does this (the Maven Build Cache Extension before"
                            + " 1.3.0, or without static-go in <attachedOutputs>): see the README's \"Build cache\"."
                            + " Build again without the cache (-Dmaven.build.cache.enabled=false) to verify.");
                }
                getLog().warn("Nothing to verify: there is no build.json in " + outputDirectory
                        + " (static-go:build did not run) and no <binaries> are declared.");
                return;
            }
            report = StaticGoVerify.verify(new StaticGoVerify.VerifyRequest(
                    expected,
                    VerifyPolicy.DEFAULTS
                            .withAllowStaticPie(allowStaticPie)
                            .withAllowGlibcNss(allowGlibcNss)
                            .withRequireStripped(requireStripped)
                            .withAllowUnhardenedPe(allowUnhardenedPe),
                    false,
                    reportFile.toPath(),
                    smokeRun(),
                    vulnerabilityOptions()));
        } catch (ConfigurationException | ToolchainException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UnreadableFileException e) {
            throw new MojoExecutionException(
                    "static-go:verify: " + e.getMessage() + ". Run static-go:build again "
                            + "(mvn package) to write it anew.",
                    e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:verify could not read or write: " + e.getMessage(), e);
        }
        report.summaryTable().forEach(getLog()::info);
        report.warnings().forEach(getLog()::warn);
        getLog().info("Report: " + reportFile);
        if (!report.ok()) {
            throw new MojoFailureException(report.failureMessage());
        }
        if (sbom) {
            writeSboms();
        }
    }

    private void writeSboms() throws MojoExecutionException, MojoFailureException {
        List<StaticGoSbom.WrittenSbom> written;
        try {
            written = StaticGoSbom.write(new StaticGoSbom.SbomRequest(
                    outputDirectory.toPath(),
                    reportFile.toPath(),
                    OutputTimestamp.parse(outputTimestamp),
                    pluginVersion));
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | MalformedBinaryException e) {
            throw new MojoExecutionException("static-go:verify could not write an SBOM: " + e.getMessage(), e);
        }
        for (StaticGoSbom.WrittenSbom one : written) {
            getLog().info("SBOM: " + one.file() + " (" + one.components()
                    + (one.components() == 1 ? " component)" : " components)"));
            if (attach) {
                projectHelper.attachArtifact(
                        project, "json", one.classifier(), one.file().toFile());
            }
        }
    }

    /** The known-vulnerability check, or null when {@code <vulnerabilities>} is not configured or is skipped. */
    private StaticGoVerify.VulnerabilityOptions vulnerabilityOptions()
            throws ConfigurationException, ToolchainException, IOException {
        if (vulnerabilities == null) {
            return null;
        }
        if (vulnerabilities.skip()) {
            getLog().info("Skipping the vulnerability check (<vulnerabilities><skip>)");
            return null;
        }
        Duration timeout = vulnerabilities.timeout();
        String database = vulnerabilities.database();
        VulnerabilityPolicy policy = vulnerabilities.policy();
        Path govulncheck = vulnerabilities.govulncheck();
        String govulncheckVersion = vulnerabilities.govulncheckVersion();
        ProcessRunner runner = new ProcessRunner();
        if (govulncheck == null) {
            govulncheck = installedGovulncheck(govulncheckVersion, timeout, runner);
        }
        getLog().info("Checking for known vulnerabilities with " + govulncheck
                + (database == null ? " (Go's public database)" : " against " + database));
        return new StaticGoVerify.VulnerabilityOptions(
                new VulnerabilityScan(
                        govulncheck, database, GoEnvironment.fromCaller(System.getenv()), timeout, runner),
                policy,
                sarifFile.toPath());
    }

    /** govulncheck at {@code version}, installed with the go the build ran: the module's go.mod and the same provisioning decide it. */
    Path installedGovulncheck(String version, Duration timeout, ProcessRunner runner)
            throws ConfigurationException, ToolchainException, IOException {
        Path tools = toolsDirectory.toPath().toAbsolutePath().normalize();
        Files.createDirectories(tools);
        Path module = sourceDirectory.toPath();
        GoToolchain go =
                GoToolchain.locate(toolchainRequest(Files.isDirectory(module) ? module : tools), runner, buildLog());
        return GoTool.installed(go, Vulnerabilities.GOVULNCHECK_PACKAGE, version, tools, timeout);
    }

    /** The smoke run, or null when {@code <smoke>} is not configured or is skipped. */
    private SmokeRun smokeRun() throws ConfigurationException {
        Map<String, SmokeOptions> byPackage = new LinkedHashMap<>();
        for (MainPackage declared : packages == null ? List.<MainPackage>of() : packages) {
            if (declared.smokeOptions() != null) {
                byPackage.put(declared.path(), declared.smokeOptions());
            }
        }
        if (smoke == null) {
            if (!byPackage.isEmpty()) {
                getLog().warn("<packages> give " + String.join(", ", byPackage.keySet()) + " <smoke> settings, but"
                        + " verify has no <smoke>: no binary is smoke-run. Add <smoke/> to run them.");
            }
            return null;
        }
        if (skipSmoke) {
            getLog().info("Skipping the smoke run (static-go.smoke.skip)");
            return null;
        }
        return new SmokeRun(
                smoke.toConfiguration(byPackage),
                buildLog(),
                smokeDirectory.toPath(),
                System.getenv("PATH"),
                HostPlatform.current());
    }

    private Map<Path, String> declaredBinaries() throws ConfigurationException {
        Map<Path, String> declared = new LinkedHashMap<>();
        for (Binary binary : binaries == null ? List.<Binary>of() : binaries) {
            if (binary.file() == null || binary.platform() == null) {
                throw new ConfigurationException(
                        "binaries",
                        "each <binary> needs a <file> and a <platform>, e.g. "
                                + "<binary><file>lib/agent</file><platform>linux/amd64</platform></binary>.");
            }
            declared.put(binary.file().toPath(), binary.platform());
        }
        return declared;
    }
}
