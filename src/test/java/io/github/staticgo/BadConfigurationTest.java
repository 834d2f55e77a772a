package io.github.staticgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.gobuild.BuildConfiguration;
import io.github.staticgo.gobuild.BuildSettings;
import io.github.staticgo.gobuild.PackageDeclaration;
import io.github.staticgo.gobuild.StaticGoBuild;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.toolchain.ToolchainException;
import io.github.staticgo.verify.StaticGoVerify;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes a user can make in the pom, each through the core entry points ({@link StaticGoBuild#run},
 * {@link StaticGoVerify}) with the real go: each must end in ONE line that names the pom element
 * and says what to write instead, before anything is built. The Mojos pass these messages to Maven
 * as they are (MojoFailureException), which shows them without a stack trace at the default log
 * level (see the ITs unknown-target, missing-go-mod and bad-configuration).
 *
 * <p>Not here: the UPX level of the compress goal, which has its own tests.
 */
class BadConfigurationTest {
    @TempDir
    static Path dir;

    private static Path module;
    private static Path oldGo;
    private static String goOnlyPath;

    @BeforeAll
    static void fixtures() throws Exception {
        module = Tools.goModule(dir.resolve("module"));
        Files.createDirectories(dir.resolve("no-go-mod"));
        // Test double: a script standing in for a Go 1.20 installation, which cannot be installed here.
        oldGo = dir.resolve("old-go");
        Files.writeString(oldGo, "#!/bin/sh\necho go version go1.20.14 linux/amd64\n");
        Files.setPosixFilePermissions(oldGo, PosixFilePermissions.fromString("rwxr-xr-x"));
        // A PATH with go and nothing else: no C compiler on it.
        Path go = Executables.find("go", System.getenv("PATH")).orElseThrow();
        goOnlyPath = go.toRealPath().getParent().toString();
    }

    /** What the pom says, with valid defaults: one package, linux/amd64, cgo off. */
    static final class Pom {
        Path sourceDirectory = module;
        List<String> packages = List.of(".");
        String binaryName;
        List<TargetDeclaration> targets = List.of(TargetDeclaration.of("linux/amd64"));
        String cgo = "off";
        String ldflags;
        Map<String, String> env = Map.of();
        Path goExecutable;
        String goVersion;
        Map<String, String> environment = System.getenv();
        String outputTimestamp;
        int threads = 2;
        String buildMode;
        Duration buildTimeout = Duration.ofMinutes(5);
        Duration queryTimeout = GoToolchainRequest.DEFAULT_QUERY_TIMEOUT;

        void build() throws Exception {
            BuildSettings settings = new BuildSettings(
                    true, true, ldflags, List.of(), null, null, buildMode, List.of(), env, false, buildTimeout);
            // Offline: a goVersion that got past the checks could not reach the network either.
            GoToolchainRequest toolchain =
                    new GoToolchainRequest(goExecutable, goVersion, true, sourceDirectory, environment, queryTimeout);
            new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                    .run(new BuildConfiguration(
                            sourceDirectory,
                            packages.stream().map(PackageDeclaration::of).toList(),
                            binaryName,
                            "sidecar",
                            targets,
                            cgo,
                            settings,
                            toolchain,
                            dir.resolve("out"),
                            outputTimestamp,
                            new BuildConfiguration.Execution(dir.resolve("state"), "test", threads, false, "default")));
        }
    }

    interface Call {
        void run() throws Exception;
    }

    record Mistake(String name, String element, Call call, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Mistake build(String name, String element, Consumer<Pom> pom, String message) {
        return new Mistake(
                name,
                element,
                () -> {
                    Pom configured = new Pom();
                    pom.accept(configured);
                    configured.build();
                },
                message);
    }

    private static List<TargetDeclaration> targets(String... platforms) {
        return Stream.of(platforms).map(TargetDeclaration::of).toList();
    }

    private static Map<String, String> withoutGo() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", dir.resolve("empty-bin").toString());
        environment.remove("GOROOT");
        return environment;
    }

    private static Map<String, String> withGoOnly() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", goOnlyPath);
        return environment;
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                build(
                        "misspelled arch",
                        "targets",
                        p -> p.targets = targets("linux/amd46"),
                        "<targets>: unknown target 'linux/amd46': this Go cannot build it. Did you mean "
                                + "linux/amd64 or linux/arm64?"
                                + " 'go tool dist list' lists every valid os/arch."),
                build(
                        "misspelled os",
                        "targets",
                        p -> p.targets = targets("lniux/arm64"),
                        "<targets>: unknown target 'lniux/arm64': this Go cannot build it. Did you mean "
                                + "linux/arm64 or linux/amd64"
                                + " or linux/arm?"
                                + " 'go tool dist list' lists every valid os/arch."),
                build(
                        "not os/arch",
                        "targets",
                        p -> p.targets = targets("linux"),
                        "<targets>: 'linux' is not a target: write os/arch or os/arch/variant, e.g. linux/amd64 "
                                + "or linux/arm/7."),
                build(
                        "no target",
                        "targets",
                        p -> p.targets = List.of(),
                        "<targets>: no target is declared. Add at least one, e.g. <target>linux/amd64</target>."),
                build(
                        "bad variant",
                        "targets",
                        p -> p.targets = targets("linux/amd64/v5"),
                        "<targets>: linux/amd64/v5: 'v5' is not a valid GOAMD64 for amd64; use one of v1, v2, v3, v4."),
                build(
                        "variant on an arch without variants",
                        "targets",
                        p -> p.targets = targets("linux/s390x/z15"),
                        "<targets>: linux/s390x/z15: s390x has no architecture variant; write the target without "
                                + "'/z15'."),
                build(
                        "same target twice",
                        "targets",
                        p -> p.targets = targets("linux/amd64", "linux/amd64"),
                        "<targets>: 'linux/amd64' is declared twice: both would be written as linux-amd64. "
                                + "Remove one."),
                build(
                        "cgo musl on windows",
                        "targets",
                        p -> p.targets =
                                List.of(new TargetDeclaration("windows/amd64", "musl", null, null, null, null, null)),
                        "<targets>: windows/amd64: <cgo>musl</cgo> links against musl libc, which exists only "
                                + "for linux; use <cgo>off</cgo> or <cgo>on</cgo> with a <cc> for windows."),
                build(
                        "unknown cgo mode",
                        "cgo",
                        p -> p.cgo = "static",
                        "<cgo>: unknown cgo mode 'static': use off, musl or on."),
                build(
                        "unknown cgo mode of one target",
                        "targets",
                        p -> p.targets =
                                List.of(new TargetDeclaration("linux/amd64", "yes", null, null, null, null, null)),
                        "<targets>: linux/amd64: <targets><target><cgo>: unknown cgo mode 'yes': use off, musl "
                                + "or on."),
                build(
                        "cgo for another arch without cc",
                        "targets",
                        p -> p.targets =
                                List.of(new TargetDeclaration("linux/arm64", "on", null, null, null, null, null)),
                        "<targets>: linux/arm64: <cgo>on</cgo> on a linux/amd64 host needs a C compiler for "
                                + "linux/arm64: set <cc> in this <target>, for example <cc>zig cc -target "
                                + "aarch64-linux-musl</cc>."),
                build(
                        "missing musl-gcc",
                        "targets",
                        p -> {
                            p.cgo = "musl";
                            p.environment = withGoOnly();
                        },
                        "<targets>: linux/amd64: the C compiler 'musl-gcc' for <cgo>musl</cgo> is not on PATH. "
                                + "Install musl (Debian/Ubuntu: apt-get install musl-tools; Fedora: dnf install musl-gcc) "
                                + "or set <cc> to a musl compiler."),
                build(
                        "goExecutable that does not exist",
                        "goExecutable",
                        p -> p.goExecutable = dir.resolve("go1.22/bin/go"),
                        "<goExecutable> DIR/go1.22/bin/go is not an executable file. Point it at the go command "
                                + "of a Go installation (its bin/go), or remove it to use go on PATH."),
                build(
                        "no go anywhere",
                        "goExecutable",
                        p -> p.environment = withoutGo(),
                        "Cannot find the go command: <goExecutable> is not set, $GOROOT/bin/go does not exist "
                                + "and there is no go on PATH. Install Go 1.21 or newer and put it on PATH, or set "
                                + "<goExecutable> to its bin/go."),
                build(
                        "go too old",
                        "goExecutable",
                        p -> p.goExecutable = oldGo,
                        "Go go1.20.14 at DIR/old-go is too old: this plugin needs go1.21 or newer. Install a "
                                + "newer Go, or point <goExecutable> at one."),
                build(
                        "goVersion not a release",
                        "goVersion",
                        p -> p.goVersion = "latest",
                        "<goVersion> 'latest' is not one Go release: write it as go version would print it "
                                + "without 'go', e.g. 1.22.5 or 1.23rc1."),
                build(
                        "goVersion a language version",
                        "goVersion",
                        p -> p.goVersion = "1.22",
                        "<goVersion> '1.22' is a language version, not one release: write the release, e.g. "
                                + "1.22.0 for the first one."),
                build(
                        "goVersion older than 1.21",
                        "goVersion",
                        p -> p.goVersion = "1.20.5",
                        "<goVersion> '1.20.5' is older than Go 1.21, the oldest this plugin drives and the first "
                                + "go can switch to: use 1.21.0 or newer."),
                build(
                        "module directory without go.mod",
                        "sourceDirectory",
                        p -> p.sourceDirectory = dir.resolve("no-go-mod"),
                        "<sourceDirectory>: there is no go.mod in DIR/no-go-mod. Point <sourceDirectory> at the "
                                + "Go module (the directory holding go.mod), or create one there with 'go mod init <module "
                                + "path>'."),
                build(
                        "empty packages",
                        "packages",
                        p -> p.packages = List.of(),
                        "<packages>: name at least one main package, e.g. <package>.</package> or "
                                + "<package>./cmd/server</package>; empty entries are not allowed."),
                build(
                        "package pattern that matches no main package",
                        "packages",
                        p -> p.packages = List.of("./internal/..."),
                        "<packages>: './internal/...' matches no main package of the module: name a pattern that"
                                + " covers a package main, e.g. ./cmd/..., or the package itself."),
                build(
                        "binary name with a path separator",
                        "binaryName",
                        p -> p.binaryName = "bin/server",
                        "<binaryName>: 'bin/server' cannot be a file name: it must not be empty, '.' or '..' and "
                                + "must not contain / \\ : * ? \" < > | or control characters."),
                build(
                        "binary name ..",
                        "binaryName",
                        p -> p.binaryName = "..",
                        "<binaryName>: '..' cannot be a file name: it must not be empty, '.' or '..' and must "
                                + "not contain / \\ : * ? \" < > | or control characters."),
                build(
                        "conflicting output names",
                        "packages",
                        p -> p.packages = List.of("./cmd/a/server", "./cmd/b/server"),
                        "<packages>: './cmd/a/server' and './cmd/b/server' would both be written as "
                                + "server-linux-amd64. Give them different last path elements, or one of them a <name>."),
                build(
                        "ldflags with an unbalanced quote",
                        "ldflags",
                        p -> p.ldflags = "-X 'main.motd=hello world",
                        "<ldflags>: the quote ' at position 4 is never closed in: -X 'main.motd=hello world . "
                                + "Close it, e.g. -X 'main.motd=hello world'."),
                build(
                        "target ldflags with an unbalanced quote",
                        "targets><target><ldflags",
                        p -> p.targets = List.of(
                                new TargetDeclaration("linux/amd64", null, null, null, "-X \"main.v=1", null, null)),
                        "<targets><target><ldflags>: the quote \" at position 4 is never closed in: -X "
                                + "\"main.v=1 . Close it, e.g. -X 'main.motd=hello world'."),
                build(
                        "env setting GOOS",
                        "env",
                        p -> p.env = Map.of("GOOS", "windows"),
                        "<env>: must not set GOOS; use <targets> instead."),
                build(
                        "target env setting CGO_ENABLED",
                        "targets",
                        p -> p.targets = List.of(new TargetDeclaration(
                                "linux/amd64", null, null, Map.of("CGO_ENABLED", "1"), null, null, null)),
                        "<targets>: linux/amd64: <env> must not set CGO_ENABLED; use <cgo> instead."),
                build(
                        "threads below 1",
                        "threads",
                        p -> p.threads = 0,
                        "<threads>: 0 threads cannot build anything: use 1 or more, or leave it unset for one "
                                + "per processor."),
                build(
                        "outputTimestamp not a time",
                        "project.build.outputTimestamp",
                        p -> p.outputTimestamp = "yesterday",
                        "<project.build.outputTimestamp>: 'yesterday' is neither seconds since the epoch nor an "
                                + "ISO-8601 date-time such as 2026-01-01T00:00:00Z."),
                new Mistake(
                        "verify binary without platform",
                        "binaries",
                        () -> {
                            Map<Path, String> declared = new LinkedHashMap<>();
                            declared.put(Path.of("lib/agent"), null);
                            StaticGoVerify.declared(declared, "binaries", null);
                        },
                        "<binaries>: no platform for lib/agent: add the platform it must be for, e.g. "
                                + "<platform>linux/amd64</platform>."),
                new Mistake(
                        "verify binary with a bad platform",
                        "binaries",
                        () -> StaticGoVerify.declared(Map.of(Path.of("lib/agent"), "linux-amd64"), "binaries", null),
                        "<binaries>: 'linux-amd64' for lib/agent is not a platform: write os/arch or "
                                + "os/arch/variant, e.g. linux/amd64 or linux/arm/7."),
                new Mistake(
                        "verify binary for a platform go does not know",
                        "binaries",
                        () -> StaticGoVerify.declared(
                                Map.of(Path.of("lib/agent"), "linux/amd46"),
                                "binaries",
                                RealGo.toolchain(dir).platforms()),
                        "<binaries>: unknown target 'linux/amd46': this Go cannot build it. Did you mean linux/amd64 or"
                                + " linux/arm64? 'go tool dist list' lists every valid os/arch. (for lib/agent)"),
                new Mistake(
                        "inspect expecting a variant go does not know",
                        "static-go.expect",
                        () -> StaticGoVerify.underPath(
                                Files.createDirectories(dir.resolve("some-dir")),
                                "linux/amd64/v9",
                                RealGo.toolchain(dir).platforms()),
                        "<static-go.expect>: linux/amd64/v9: 'v9' is not a valid GOAMD64 for amd64; use one of v1, v2, "
                                + "v3, v4. (for DIR/some-dir)"),
                build(
                        "buildMode not a build mode",
                        "buildMode",
                        p -> p.buildMode = "exee",
                        "<buildMode>: 'exee' is not a go build mode; use one of default, exe, pie, archive, "
                                + "c-archive, c-shared, shared, plugin, or leave it unset for go's default (exe, and pie on windows)."),
                build(
                        "target buildMode not a build mode",
                        "targets",
                        p -> p.targets =
                                List.of(new TargetDeclaration("windows/amd64", null, null, null, null, null, "pi")),
                        "<targets>: windows/amd64: <buildMode> 'pi' is not a go build mode; use one of default, exe, pie, "
                                + "archive, c-archive, c-shared, shared, plugin, or leave it unset for go's default (exe, and "
                                + "pie on windows)."),
                build(
                        "buildTimeout of 0",
                        "buildTimeout",
                        p -> p.buildTimeout = Duration.ZERO,
                        "<buildTimeout>: must be at least 1 (seconds), not 0."),
                build(
                        "negative queryTimeout",
                        "queryTimeout",
                        p -> p.queryTimeout = Duration.ofSeconds(-5),
                        "<queryTimeout>: must be at least 1 (seconds), not -5."),
                new Mistake(
                        "upx override for a platform listed twice",
                        "upx><targets",
                        () -> PlatformOverrides.of(
                                List.of(
                                        new PlatformOverrides.Written<>("linux/arm", "a"),
                                        new PlatformOverrides.Written<>("linux/arm ", "b")),
                                "upx><targets"),
                        "<upx><targets>: linux/arm is listed twice; merge its settings into one <target>."),
                new Mistake(
                        "upx override without a platform",
                        "upx><targets><target",
                        () -> PlatformOverrides.of(List.of(new PlatformOverrides.Written<>(null, "a")), "upx><targets"),
                        "<upx><targets><target>: each <target> needs a <platform>, e.g. "
                                + "<target><platform>linux/arm64</platform>...</target>."),
                new Mistake(
                        "inspect a path that does not exist",
                        "static-go.inspect",
                        () -> StaticGoVerify.underPath(dir.resolve("nowhere"), null, null),
                        "<static-go.inspect>: DIR/nowhere does not exist. Name a binary or a directory."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsOneActionableLineNamingItsElement(Mistake mistake) throws Exception {
        Exception failure = assertThrows(Exception.class, mistake.call()::run);
        assertTrue(
                failure instanceof ConfigurationException || failure instanceof ToolchainException,
                "a configuration or toolchain error, not " + failure);
        String message = failure.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.contains("<" + mistake.element() + ">"), "names <" + mistake.element() + ">: " + message);
        assertEquals(mistake.message(), message.replace(dir.toString(), "DIR"));
        assertFalse(
                Files.exists(dir.resolve("out"))
                        && Files.list(dir.resolve("out")).findAny().isPresent(),
                "nothing was built");
    }

    @Test
    void atLeastFifteenMistakesAreCovered() {
        assertTrue(mistakes().count() >= 15);
    }
}
