package io.github.staticgo.toolchain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A located, version-checked go command and the explicit environment it runs with. {@code go version}
 * is read once, when the toolchain is located.
 */
public final class GoToolchain {
    /** Long enough for go to fetch a pinned toolchain over a slow proxy. */
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final GoVersion version;
    private final String hostPlatform;
    private final Path moduleDirectory;
    private final Map<String, String> environment;
    private final ProcessRunner runner;

    private GoToolchain(Path executable, GoVersion version, String hostPlatform, Path moduleDirectory,
            Map<String, String> environment, ProcessRunner runner) {
        this.executable = executable;
        this.version = version;
        this.hostPlatform = hostPlatform;
        this.moduleDirectory = moduleDirectory;
        this.environment = environment;
        this.runner = runner;
    }

    public static GoToolchain locate(GoToolchainRequest request, ProcessRunner runner) throws ToolchainException {
        Map<String, String> environment = new TreeMap<>(GoEnvironment.fromCaller(request.callerEnvironment()));
        if (request.goVersion() != null && !GoVersion.isExactRelease(request.goVersion())) {
            throw new ToolchainException("<goVersion> '" + request.goVersion() + "' is not one Go release: write it "
                    + "as go version would print it without 'go', e.g. 1.22.5 or 1.23rc1.");
        }
        if (request.goVersion() != null) {
            checkSwitchable(request.goVersion());
            environment.put("GOTOOLCHAIN", "go" + request.goVersion());
        }
        if (request.offline()) {
            environment.put("GOPROXY", "off");
        }
        Path executable = findExecutable(request);
        ProcessSpec versionCommand = new ProcessSpec(List.of(executable.toString(), "version"),
                request.moduleDirectory(), environment, QUERY_TIMEOUT);
        ProcessResult result;
        try {
            result = runner.run(versionCommand, line -> {});
        } catch (ProcessFailedException e) {
            throw new ToolchainException("Cannot run " + executable + " version: " + e.getMessage()
                    + ". Check that <goExecutable> (or go on PATH) is a working Go installation.");
        }
        if (!result.succeeded()) {
            throw versionFailure(request, executable, environment, result);
        }
        String line = String.join(" ", result.stdout()).trim();
        GoVersion version = GoVersion.find(line).orElseThrow(() -> new ToolchainException(
                executable + " version printed \"" + line + "\", which names no Go release. "
                        + "Check that <goExecutable> points at the go command."));
        if (version.compareTo(GoVersion.MINIMUM) < 0) {
            throw new ToolchainException("Go " + version + " at " + executable + " is too old: this plugin needs "
                    + GoVersion.MINIMUM + " or newer. Install a newer Go, or point <goExecutable> at one.");
        }
        String[] words = line.split("\\s+");
        return new GoToolchain(executable, version, words[words.length - 1], request.moduleDirectory(),
                Map.copyOf(environment), runner);
    }

    /**
     * GOTOOLCHAIN switches only to releases of Go 1.21 and later, which are always numbered 1.N.P (or
     * 1.NrcR): "1.22" is a language version that no toolchain download carries.
     */
    private static void checkSwitchable(String goVersion) throws ToolchainException {
        GoVersion version = GoVersion.find("go" + goVersion).orElseThrow();
        if (version.compareTo(GoVersion.MINIMUM) < 0) {
            throw new ToolchainException("<goVersion> '" + goVersion + "' is older than Go " + GoVersion.MINIMUM.text()
                    .substring(2) + ", the oldest this plugin drives and the first go can switch to: use 1.21.0 or newer.");
        }
        if (!goVersion.matches("\\d+\\.\\d+(\\.\\d+|(rc|beta)\\d+)")) {
            throw new ToolchainException("<goVersion> '" + goVersion + "' is a language version, not one release: "
                    + "write the release, e.g. " + goVersion + ".0 for the first one.");
        }
    }

    private static Path findExecutable(GoToolchainRequest request) throws ToolchainException {
        if (request.goExecutable() != null) {
            Path configured = request.goExecutable();
            if (!Files.isRegularFile(configured) || !Files.isExecutable(configured)) {
                throw new ToolchainException("<goExecutable> " + configured + " is not an executable file. "
                        + "Point it at the go command of a Go installation (its bin/go), or remove it to use go on PATH.");
            }
            return configured;
        }
        String goroot = request.callerEnvironment().get("GOROOT");
        if (goroot != null && !goroot.isBlank()) {
            Path inGoroot = Path.of(goroot, "bin", Executables.goFileName());
            if (Files.isRegularFile(inGoroot) && Files.isExecutable(inGoroot)) {
                return inGoroot;
            }
        }
        return Executables.find("go", request.callerEnvironment().get("PATH")).orElseThrow(() -> new ToolchainException(
                "Cannot find the go command: <goExecutable> is not set, $GOROOT/bin/go does not exist and there is "
                        + "no go on PATH. Install Go " + GoVersion.MINIMUM.text().substring(2)
                        + " or newer and put it on PATH, or set <goExecutable> to its bin/go."));
    }

    private static ToolchainException versionFailure(GoToolchainRequest request, Path executable,
            Map<String, String> environment, ProcessResult result) {
        if (request.goVersion() == null) {
            return new ToolchainException(executable + " version failed with exit code " + result.exitCode()
                    + ":" + System.lineSeparator() + result.outputTailText());
        }
        String proxy = SecretMasker.maskText(environment.getOrDefault("GOPROXY", "(go's default)"));
        String advice = request.offline()
                ? "Maven runs offline (-o), so go ran with GOPROXY=off: run once online to fetch the toolchain into the module cache."
                : "Check that go" + request.goVersion() + " is a released Go version and that GOPROXY can be reached, or remove <goVersion>.";
        return new ToolchainException("go could not fetch the Go toolchain go" + request.goVersion()
                + " named by <goVersion> (GOPROXY=" + proxy + "). " + advice + System.lineSeparator()
                + result.outputTailText());
    }

    /** The platforms this Go can build for, by "goos/goarch" name, in go's own order. */
    public Map<String, Platform> platforms() throws ToolchainException {
        List<Platform> platforms = parse(query("tool", "dist", "list", "-json"), new TypeReference<List<Platform>>() {});
        Map<String, Platform> byName = new LinkedHashMap<>();
        platforms.forEach(platform -> byName.put(platform.name(), platform));
        return byName;
    }

    /** Runs a quick go command in the module directory (go env, go mod edit, ...) and returns its standard output. */
    public String query(String... arguments) throws ToolchainException {
        String described = "go " + String.join(" ", arguments);
        ProcessResult result;
        try {
            result = runner.run(command(List.of(arguments), Map.of(), QUERY_TIMEOUT), line -> {});
        } catch (ProcessFailedException e) {
            throw new ToolchainException(described + " failed: " + e.getMessage());
        }
        if (!result.succeeded()) {
            throw new ToolchainException(described + " failed with exit code " + result.exitCode() + ":"
                    + System.lineSeparator() + result.outputTailText());
        }
        return String.join("\n", result.stdout());
    }

    /** Reads what a go command printed as JSON. */
    public static <T> T parse(String json, TypeReference<T> type) throws ToolchainException {
        try {
            return JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ToolchainException("go printed something that is not the JSON expected: " + e.getOriginalMessage());
        }
    }

    /** A go command line with this toolchain's environment plus {@code extraEnvironment}. */
    public ProcessSpec command(List<String> arguments, Map<String, String> extraEnvironment, Duration timeout) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(executable.toString());
        command.addAll(arguments);
        Map<String, String> env = new TreeMap<>(environment);
        env.putAll(extraEnvironment);
        return new ProcessSpec(command, moduleDirectory, env, timeout);
    }

    public GoVersion version() {
        return version;
    }

    /** GOOS/GOARCH of the machine go runs on, e.g. "linux/amd64". */
    public String hostPlatform() {
        return hostPlatform;
    }

    public Path executable() {
        return executable;
    }

    public ProcessRunner runner() {
        return runner;
    }

    /** The PATH go runs with, for finding C compilers the way go will. */
    public String path() {
        return environment.get("PATH");
    }
}
