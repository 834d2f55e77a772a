package io.github.staticgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.gobuild.BuildConfiguration;
import io.github.staticgo.gobuild.BuildSettings;
import io.github.staticgo.gobuild.GoBuildException;
import io.github.staticgo.gobuild.PackageDeclaration;
import io.github.staticgo.gobuild.StaticGoBuild;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchainRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No shell anywhere; values with spaces, quotes and {@code $(...)} reach go exactly as written; and
 * credentials never reach the log, in any line of a whole build, successful or failing.
 *
 * <p>Covered elsewhere: output names cannot leave the output directory ({@code OutputPlanTest}), and
 * the environment given to go is explicit ({@code GoToolchainTest}, {@code ProcessRunnerTest}).
 */
class SecurityTest {
    /** What a shell would do with these values: run commands, expand variables, split words. */
    private static final String TRICKY_X = "a b $(touch pwned) \"q\" `touch pwned2` ; | & * $HOME";

    private static final String TRICKY_ENV = "a b \"c\" 'd' $(touch pwned3) `id` ; $HOME \\n x";

    @TempDir
    Path dir;

    /** Every line the core logs, at every level. */
    static final class CapturingLog implements BuildLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
            lines.add("DEBUG " + message);
        }
    }

    @Test
    void noShellAnywhereInTheMainCode() throws Exception {
        // A shell needs its name; "-c" alone is also a UPX option (to stdout), which the compress goal refuses.
        Pattern shell = Pattern.compile("\"(/bin/)?(sh|bash|zsh|dash|cmd|cmd\\.exe|powershell|pwsh)\"");
        Pattern launch =
                Pattern.compile("new ProcessBuilder|Runtime\\.getRuntime\\(\\)\\.exec|ProcessBuilder\\.startPipeline");
        List<String> launches = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                assertFalse(shell.matcher(text).find(), source + " names a shell");
                if (launch.matcher(text).find()) {
                    launches.add(source.getFileName().toString());
                }
            }
        }
        assertEquals(
                List.of("ProcessRunner.java"), launches, "processes start in ProcessRunner only, from argument lists");
    }

    @Test
    void ldflagsXValuesAndEnvironmentReachGoUnchanged() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), """
                package main

                import "fmt"

                var v, w = "unset", "unset"

                func main() { fmt.Println(v); fmt.Println(w) }
                """);
        // A go that records the arguments and environment of go build, then runs the real go.
        Path realGo = Executables.find("go", System.getenv("PATH")).orElseThrow();
        Path recordingGo = dir.resolve("recording-go");
        Files.writeString(
                recordingGo,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = build ]; then printf '%s\\n' \"$@\" > " + dir.resolve("args") + "; env > "
                        + dir.resolve("env") + "; fi\n"
                        + "exec " + realGo + " \"$@\"\n");
        Files.setPosixFilePermissions(recordingGo, PosixFilePermissions.fromString("rwx------"));

        String ldflags = "-X 'main.v=" + TRICKY_X + "' -X \"main.w=it's $(id) ${HOME}\"";
        BuildSettings settings = new BuildSettings(
                true,
                true,
                ldflags,
                List.of(),
                null,
                null,
                "exe",
                List.of(),
                Map.of("TRICKY_VALUE", TRICKY_ENV),
                false,
                Duration.ofMinutes(5));
        new StaticGoBuild(new ProcessRunner(), BuildLog.silent())
                .run(configuration(
                        module, settings, new GoToolchainRequest(recordingGo, null, false, module, System.getenv())));

        List<String> args = Files.readAllLines(dir.resolve("args"));
        assertTrue(args.contains("-ldflags=-buildid= -s -w " + ldflags), args.toString());
        assertTrue(Files.readAllLines(dir.resolve("env")).contains("TRICKY_VALUE=" + TRICKY_ENV));
        String printed = Tools.run(dir, dir.resolve("out/hello-linux-amd64").toString());
        assertEquals(TRICKY_X + "\nit's $(id) ${HOME}\n", printed);
        for (String trap : List.of("pwned", "pwned2", "pwned3")) {
            assertFalse(Files.exists(module.resolve(trap)) || Files.exists(dir.resolve(trap)), "a shell ran " + trap);
        }
    }

    @Test
    void credentialsAreMaskedInEveryLogLineOfASuccessfulAndAFailingBuild() throws Exception {
        List<String> secrets = List.of("s3cret-pass", "ghp-user-only-token", "env-token-value", "x-flag-password");
        Map<String, String> caller = new HashMap<>(System.getenv());
        // Port 9 on loopback refuses at once: go's download fails fast and names the proxy URL in its error.
        caller.put("GOPROXY", "https://ci:s3cret-pass@127.0.0.1:9/mod,https://ghp-user-only-token@127.0.0.1:9/mirror");
        caller.put("GOSUMDB", "off");
        caller.remove("GOPRIVATE");
        caller.remove("GONOPROXY");
        caller.put("GOMODCACHE", dir.resolve("modcache").toString());
        BuildSettings settings = new BuildSettings(
                true,
                true,
                "-X main.password=x-flag-password -X main.version=1",
                List.of(),
                null,
                null,
                "exe",
                List.of("-mod=mod"),
                Map.of("API_TOKEN", "env-token-value"),
                false,
                Duration.ofMinutes(5));

        Path module = Tools.goModule(dir.resolve("module"), TestModule.HELLO);
        CapturingLog log = new CapturingLog();
        new StaticGoBuild(new ProcessRunner(), log)
                .run(configuration(module, settings, new GoToolchainRequest(null, null, false, module, caller)));
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("API_TOKEN=****")), log.lines.toString());
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("-X main.password=****")), log.lines.toString());

        // A dependency go must fetch through the proxy: the download fails and go prints the proxy's URL.
        Path fetching = Tools.goModule(dir.resolve("fetching"), """
                package main

                import "example.com/not/there"

                func main() { there.Run() }
                """);
        Files.writeString(
                fetching.resolve("go.mod"),
                "module example.com/fixture\n\ngo 1.21\n\n" + "require example.com/not/there v1.0.0\n");
        CapturingLog failing = new CapturingLog();
        GoBuildException failure = assertThrows(
                GoBuildException.class,
                () -> new StaticGoBuild(new ProcessRunner(), failing)
                        .run(configuration(
                                fetching, settings, new GoToolchainRequest(null, null, false, fetching, caller))));
        assertTrue(failure.getMessage().contains("127.0.0.1:9"), "go named the proxy: " + failure.getMessage());

        List<String> everything = new ArrayList<>(log.lines);
        everything.addAll(failing.lines);
        everything.add(failure.getMessage());
        for (String line : everything) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "'" + secret + "' in: " + line);
            }
        }
    }

    /** A module that builds without the network. */
    private static final class TestModule {
        static final String HELLO = "package main\n\nimport \"fmt\"\n\nvar password, version string\n\n"
                + "func main() { fmt.Println(len(password), version) }\n";
    }

    private BuildConfiguration configuration(Path module, BuildSettings settings, GoToolchainRequest toolchain) {
        return new BuildConfiguration(
                module,
                List.of(PackageDeclaration.of(".")),
                null,
                "hello",
                List.of(TargetDeclaration.of("linux/amd64")),
                "off",
                settings,
                toolchain,
                dir.resolve("out"),
                null,
                new BuildConfiguration.Execution(dir.resolve("state"), "test", 1, true, "default"));
    }
}
