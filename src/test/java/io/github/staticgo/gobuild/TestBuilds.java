package io.github.staticgo.gobuild;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Build configurations for core tests: one module, package ".", binary name "hello", cgo off. */
final class TestBuilds {
    static final String HELLO = "package main\n\nimport \"fmt\"\n\nvar version = \"dev\"\n\n"
            + "func main() { fmt.Println(\"hello\", version) }\n";

    private TestBuilds() {}

    static BuildSettings settings(String ldflags, Duration timeout) {
        return new BuildSettings(true, true, ldflags, List.of(), null, null, null, List.of(), Map.of(), false, timeout);
    }

    /**
     * @param work where outputs ("out") and up-to-date records ("state") go
     * @param goExecutable a go to use instead of the one on PATH, or null
     */
    static BuildConfiguration configuration(
            Path work,
            Path module,
            List<String> targets,
            BuildSettings settings,
            Path goExecutable,
            String outputTimestamp,
            int threads,
            boolean force) {
        return configuration(
                work, module, targets, settings, goExecutable, outputTimestamp, threads, force, System.getenv());
    }

    /** @param callerEnvironment the environment Maven would run in */
    static BuildConfiguration configuration(
            Path work,
            Path module,
            List<String> targets,
            BuildSettings settings,
            Path goExecutable,
            String outputTimestamp,
            int threads,
            boolean force,
            Map<String, String> callerEnvironment) {
        return new BuildConfiguration(
                module,
                List.of(PackageDeclaration.of(".")),
                null,
                "hello",
                targets.stream().map(TargetDeclaration::of).toList(),
                "off",
                settings,
                new GoToolchainRequest(goExecutable, null, false, module, callerEnvironment)
                        .withKeptAnswers(work.resolve("state").resolve(GoToolchain.KEPT_ENV_FILE)),
                work.resolve("out"),
                outputTimestamp,
                new BuildConfiguration.Execution(work.resolve("state"), "test", threads, force, "default"));
    }

    /** The same configuration building other packages. */
    static BuildConfiguration withPackages(BuildConfiguration configuration, List<String> packages) {
        return withDeclarations(
                configuration, packages.stream().map(PackageDeclaration::of).toList());
    }

    /** The same configuration building other packages, declared with their own settings. */
    static BuildConfiguration withDeclarations(BuildConfiguration configuration, List<PackageDeclaration> packages) {
        return new BuildConfiguration(
                configuration.moduleDirectory(),
                packages,
                configuration.binaryName(),
                configuration.defaultName(),
                configuration.targets(),
                configuration.defaultCgo(),
                configuration.settings(),
                configuration.toolchain(),
                configuration.outputDirectory(),
                configuration.outputTimestamp(),
                configuration.execution());
    }

    /** Builds {@link #HELLO} for {@code targets} into work/out and verifies it there; returns work/out. */
    static Path buildAndVerify(Path work, List<String> targets) throws Exception {
        Path module = Tools.goModule(work.resolve("module"), HELLO);
        run(configuration(work, module, targets, settings(null, Duration.ofMinutes(5)), null, null, 2, false));
        Path out = work.resolve("out");
        StaticGoVerify.verify(
                StaticGoVerify.fromManifest(out), VerifyPolicy.DEFAULTS, false, out.resolve("verify-report.json"));
        return out;
    }

    static BuildManifest run(BuildConfiguration configuration) throws Exception {
        return run(configuration, BuildLog.silent());
    }

    static BuildManifest run(BuildConfiguration configuration, BuildLog log) throws Exception {
        return new StaticGoBuild(new ProcessRunner(), log).run(configuration);
    }
}
