package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.gobuild.BuildConfiguration;
import io.github.staticgo.gobuild.BuildSettings;
import io.github.staticgo.gobuild.GoBuildException;
import io.github.staticgo.gobuild.PackageDeclaration;
import io.github.staticgo.gobuild.StaticGoBuild;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
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

/** Builds the Go module into one static binary per target platform and attaches them to the project. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public final class BuildMojo extends AbstractGoToolchainMojo {
    /**
     * The main packages to build, relative to the module ({@code .}, {@code ./cmd/server}) or by import path,
     * or as patterns ({@code ./...}, {@code ./cmd/...}) that stand for every main package go matches. Each
     * becomes one binary per target. The long form gives one binary its own settings:
     * {@code <package><path>./cmd/server</path><name>etcd</name><ldflags/><smoke><args/><exitCode/><output/></smoke></package>};
     * verify reads the {@code <smoke>} part, so declare {@code <packages>} in the plugin's
     * {@code <configuration>}, which every goal shares. Defaults to {@code .}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<MainPackage> packages;

    /**
     * Comma-separated packages that replace {@code <packages>}, e.g. {@code -Dstatic-go.packages=./cmd/...}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.packages")
    private String packageList;

    /**
     * The binary's base name when one package is built; defaults to the artifactId. With several packages
     * each binary is named after its package's last path element.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.binaryName")
    private String binaryName;

    /**
     * The target platforms: {@code <target>linux/arm64</target>}, with an optional variant
     * ({@code linux/arm/7}, {@code linux/amd64/v3}), or the long form
     * {@code <target><platform>linux/amd64</platform><cgo>musl</cgo><cc/><env/><ldflags/><tags/><buildMode/></target>}.
     * Defaults to linux/amd64 and linux/arm64.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<BuildTarget> targets;

    /**
     * Comma-separated targets that replace {@code <targets>}, e.g. {@code -Dstatic-go.targets=linux/amd64,linux/arm64};
     * a variant with commas stays whole ({@code linux/arm64/v8.2,lse,linux/amd64} is two targets).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.targets")
    private String targetList;

    /**
     * Adds {@code -s -w} to the link flags, leaving out the symbol table and DWARF.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.strip", defaultValue = "true")
    private boolean strip;

    /**
     * Link flags added after the plugin's own ({@code -buildid= -s -w}), e.g.
     * {@code -X main.version=${project.version}}. Quote values with spaces: {@code -X 'main.motd=hello world'}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.ldflags")
    private String ldflags;

    /**
     * Passed as {@code -buildmode} for targets that set no {@code <buildMode>} of their own. Unset, no
     * {@code -buildmode} is passed and each platform gets go's default: exe, and pie on windows (ASLR).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.buildMode")
    private String buildMode;

    /**
     * Further go build arguments, each passed as it is (e.g. {@code -mod=vendor}, {@code -v}).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> goFlags;

    /**
     * Stamps VCS information (vcs.revision, vcs.time, vcs.modified) into the binaries. Off by default:
     * it makes two checkouts of one commit differ and fails where git refuses a repository owned by
     * another user.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.buildVcs", defaultValue = "false")
    private boolean buildVcs;

    /**
     * Where binaries and build.json are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.outputDirectory", defaultValue = "${project.build.directory}/static-go")
    private File outputDirectory;

    /**
     * Attaches each binary to the project (type {@code exe}, classifier {@code <os>-<arch>[-<variant>]},
     * prefixed by the binary name when several packages are built), so install and deploy publish them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.attach", defaultValue = "true")
    private boolean attach;

    /**
     * The modification time given to every binary, for reproducible archives.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Seconds one go build may take before it is killed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.buildTimeout", defaultValue = "1800")
    private int buildTimeout;

    /**
     * How many go builds run at once; defaults to the number of processors.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.threads")
    private Integer threads;

    /**
     * Rebuilds every binary, even those whose inputs and output are unchanged since their last build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.force", defaultValue = "false")
    private boolean force;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.build.skip", defaultValue = "false")
    private boolean skipBuild;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BuildMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected boolean goalSkipped() {
        return skipBuild;
    }

    @Override
    protected String goalName() {
        return "build";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        BuildManifest manifest;
        try {
            manifest = new StaticGoBuild(new ProcessRunner(), buildLog()).run(configuration());
        } catch (ConfigurationException | ToolchainException | GoBuildException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("static-go:build could not read or write a file: " + e.getMessage(), e);
        }
        if (attach) {
            for (BuiltBinary binary : manifest.binaries()) {
                projectHelper.attachArtifact(
                        project,
                        "exe",
                        binary.classifier(),
                        outputDirectory.toPath().resolve(binary.file()).toFile());
            }
        }
    }

    private BuildConfiguration configuration() throws ConfigurationException {
        BuildSettings settings = new BuildSettings(
                trimpath,
                strip,
                ldflags,
                orEmpty(tags),
                gcflags,
                asmflags,
                buildMode,
                orEmpty(goFlags),
                env == null ? Map.of() : env,
                buildVcs,
                Duration.ofSeconds(buildTimeout));
        GoToolchainRequest toolchain = toolchainRequest();
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BuildConfiguration.Execution execution = new BuildConfiguration.Execution(
                stateDirectory.toPath(),
                pluginVersion,
                parallel,
                force,
                mojoExecution == null ? "default" : mojoExecution.getExecutionId());
        return new BuildConfiguration(
                sourceDirectory.toPath(),
                packageDeclarations(),
                binaryName,
                project.getArtifactId(),
                targetDeclarations(),
                cgo,
                settings,
                toolchain,
                outputDirectory.toPath(),
                outputTimestamp,
                execution);
    }

    private List<PackageDeclaration> packageDeclarations() {
        if (packageList != null && !packageList.isBlank()) {
            return Arrays.stream(packageList.split(","))
                    .map(String::trim)
                    .map(PackageDeclaration::of)
                    .toList();
        }
        if (packages == null) {
            return List.of(PackageDeclaration.of("."));
        }
        return packages.stream().map(MainPackage::toDeclaration).toList();
    }

    private List<TargetDeclaration> targetDeclarations() {
        if (targetList != null && !targetList.isBlank()) {
            return TargetDeclaration.listed(targetList);
        }
        if (targets == null) { // not written; an empty <targets/> is refused by the resolver
            return List.of(TargetDeclaration.of("linux/amd64"), TargetDeclaration.of("linux/arm64"));
        }
        return targets.stream().map(BuildTarget::toDeclaration).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
