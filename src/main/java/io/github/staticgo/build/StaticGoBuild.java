package io.github.staticgo.build;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.target.TargetResolver;
import io.github.staticgo.target.TargetSpec;
import io.github.staticgo.toolchain.GoEnvironment;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The build goal without Maven: check the module, locate Go, check every target against it, plan the
 * outputs, and only then build. Nothing is built when any part of the configuration is wrong.
 */
public final class StaticGoBuild {
    /** go tool dist list, kept with the up-to-date records. */
    private static final String PLATFORMS_FILE = "go-platforms.json";

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
        BuildConfiguration.Execution execution = configuration.execution();
        GoToolchain go = GoToolchain.locate(configuration.toolchain(), runner);
        log.info("Using " + go.version() + " (" + go.executable() + ") on " + go.hostPlatform());
        List<TargetSpec> targets = new TargetResolver(go.platforms(execution.stateDirectory().resolve(PLATFORMS_FILE)),
                go.hostPlatform(), go.path())
                .resolve(configuration.targets(), configuration.defaultCgo());
        List<BinaryOutput> outputs = OutputPlan.plan(configuration.packages(), configuration.binaryName(),
                configuration.defaultName(), targets, configuration.outputDirectory());
        if (execution.threads() < 1) {
            throw new ConfigurationException("threads", execution.threads() + " threads cannot build anything: "
                    + "use 1 or more, or leave it unset for one per processor.");
        }
        Set<Path> notInputs = new HashSet<>(execution.notInputs());
        notInputs.add(configuration.outputDirectory().toAbsolutePath().normalize());
        notInputs.add(execution.stateDirectory().toAbsolutePath().normalize());
        BuildRequest request = new BuildRequest(outputs, configuration.settings(), configuration.outputDirectory(),
                OutputTimestamp.parse(configuration.outputTimestamp()).orElse(null), configuration.moduleDirectory(),
                notInputs, execution.stateDirectory(), execution.pluginVersion(), execution.threads(), execution.force());
        return new GoBuilder(go, log).build(request);
    }
}
