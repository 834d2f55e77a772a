package io.github.staticgo.gobuild;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.incremental.RunRecord;
import io.github.staticgo.incremental.WatchedFiles;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.OutputTimestamp;
import io.github.staticgo.platform.ArchVariant;
import io.github.staticgo.platform.TargetResolver;
import io.github.staticgo.platform.TargetSpec;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.toolchain.GoEnvironment;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.Platform;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build goal without Maven: check the module, locate Go, check every target against it, plan the
 * outputs, and only then build. Nothing is built when any part of the configuration is wrong.
 */
public final class StaticGoBuild {
    /** The file name, in the state directory, of the kept go list answer that expands package patterns. */
    private static final String PACKAGE_PATTERNS_FILE = "package-patterns.properties";

    private final ProcessRunner runner;
    private final BuildLog log;

    public StaticGoBuild(ProcessRunner runner, BuildLog log) {
        this.runner = runner;
        this.log = log;
    }

    public BuildManifest run(BuildConfiguration configuration)
            throws ConfigurationException, ToolchainException, GoBuildException, IOException {
        GoEnvironment.requireModule(configuration.moduleDirectory());
        GoEnvironment.refuseOwnedKeys(configuration.settings().env());
        ProcessSpec.requireTimeout("buildTimeout", configuration.settings().timeout());
        ProcessSpec.requireTimeout("queryTimeout", configuration.toolchain().queryTimeout());
        BuildConfiguration.Execution execution = configuration.execution();
        Optional<String> buildModeProblem =
                TargetResolver.buildModeProblem(null, configuration.settings().buildMode());
        if (buildModeProblem.isPresent()) {
            throw new ConfigurationException("buildMode", buildModeProblem.get());
        }
        GoToolchain go = GoToolchain.locate(configuration.toolchain(), runner, log);
        log.info("Using " + go.describe());
        WatchedFiles watched = new WatchedFiles();
        RunRecord lastRun =
                new RunRecord(execution.stateDirectory(), execution.id(), runKey(configuration, go, watched));
        Optional<RunRecord.Outcome> unchanged = execution.force() ? Optional.empty() : lastRun.unchanged(log);
        if (unchanged.isPresent()) {
            unchanged.get().lines().forEach(log::info);
            return new BuildManifest(go.version().text(), unchanged.get().binaries());
        }
        Path keptFacts = execution.stateDirectory().resolve(GoToolchain.KEPT_FACTS_FILE);
        Map<String, Platform> platforms = go.platforms(keptFacts);
        List<TargetSpec> targets = withDefaultVariants(
                new TargetResolver(platforms, go.hostPlatform(), go.path())
                        .resolve(configuration.targets(), configuration.defaultCgo()),
                platforms,
                go,
                keptFacts);
        List<BinaryOutput> outputs = OutputPlan.plan(
                MainPackages.expand(
                        go,
                        configuration.packages(),
                        execution.stateDirectory().resolve(PACKAGE_PATTERNS_FILE),
                        watched),
                configuration.binaryName(),
                configuration.defaultName(),
                targets,
                configuration.outputDirectory());
        if (execution.threads() < 1) {
            throw new ConfigurationException(
                    "threads",
                    execution.threads() + " threads cannot build anything: "
                            + "use 1 or more, or leave it unset for one per processor.");
        }
        BuildRequest request = new BuildRequest(
                outputs,
                configuration.settings(),
                configuration.outputDirectory(),
                OutputTimestamp.parse(configuration.outputTimestamp()).orElse(null),
                configuration.moduleDirectory(),
                execution.stateDirectory(),
                execution.pluginVersion(),
                execution.threads(),
                execution.force(),
                execution.id());
        return new GoBuilder(go, log).build(request, lastRun, watched);
    }

    /**
     * What decides this run besides the files it reads: the configuration, and the go that was located with
     * the environment it runs in; go's executable is watched like an input file.
     */
    private static String runKey(BuildConfiguration configuration, GoToolchain go, WatchedFiles watched) {
        watched.stamp(go.executable());
        return RunRecord.key(
                configuration.withEnvironmentGoReads(),
                go.executable(),
                go.version().text(),
                go.environment());
    }

    /**
     * Each target that names no variant gets Go's default for its platform, set explicitly: the binary
     * then does not depend on a GOAMD64 or GOARM anywhere else, and verify knows what to expect.
     */
    private static List<TargetSpec> withDefaultVariants(
            List<TargetSpec> targets, Map<String, Platform> platforms, GoToolchain go, Path keptFacts)
            throws ToolchainException {
        Map<Platform, String> variableByPlatform = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            if (target.variant() == null) {
                ArchVariant.forGoarch(target.goarch())
                        .ifPresent(variant ->
                                variableByPlatform.put(platforms.get(target.platform()), variant.variable()));
            }
        }
        if (variableByPlatform.isEmpty()) {
            return targets;
        }
        Map<String, String> defaults = go.defaultVariants(variableByPlatform, keptFacts);
        return targets.stream()
                .map(target ->
                        target.variant() != null ? target : target.withDefaultVariant(defaults.get(target.platform())))
                .toList();
    }
}
