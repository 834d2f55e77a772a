package io.github.staticgo.toolchain;

import io.github.staticgo.Json;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A located, version-checked go command and the explicit environment it runs with. One {@code go env}
 * is read when the toolchain is located: the Go release, the host platform, and the go.work and go env
 * files that apply to the module.
 */
public final class GoToolchain {
    /** Long enough for go to fetch a pinned toolchain over a slow proxy. */
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(10);
    /** What {@code go env} is asked at start, one value per line in this order. */
    private static final List<String> LOCATED_WITH = List.of("GOVERSION", "GOHOSTOS", "GOHOSTARCH", "GOWORK", "GOENV");

    private final Path executable;
    private final GoVersion version;
    /** GOVERSION as go prints it: also tells development builds apart, which {@link #version} does not. */
    private final String releaseName;
    private final String hostPlatform;
    private final Optional<Path> workFile;
    private final Optional<Path> envFile;
    private final Path moduleDirectory;
    private final Map<String, String> environment;
    private final ProcessRunner runner;

    private GoToolchain(Path executable, GoVersion version, Map<String, String> goEnv, Path moduleDirectory,
            Map<String, String> environment, ProcessRunner runner) {
        this.executable = executable;
        this.version = version;
        this.releaseName = goEnv.get("GOVERSION");
        this.hostPlatform = goEnv.get("GOHOSTOS") + "/" + goEnv.get("GOHOSTARCH");
        this.workFile = fileSetting(goEnv.get("GOWORK"));
        this.envFile = fileSetting(goEnv.get("GOENV"));
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
        List<String> envCommand = new ArrayList<>(List.of(executable.toString(), "env"));
        envCommand.addAll(LOCATED_WITH);
        ProcessResult result;
        try {
            result = runner.run(new ProcessSpec(envCommand, request.moduleDirectory(), environment, QUERY_TIMEOUT),
                    line -> {});
        } catch (ProcessFailedException e) {
            throw new ToolchainException("Cannot run " + executable + " env: " + e.getMessage()
                    + ". Check that <goExecutable> (or go on PATH) is a working Go installation.");
        }
        if (!result.succeeded()) {
            throw versionFailure(request, executable, environment, result);
        }
        List<String> values = result.stdout();
        String printed = String.join(" ", values).trim();
        // Go before 1.16 knows no GOVERSION and prints an empty line for it.
        GoVersion version = GoVersion.find(values.isEmpty() ? "" : values.get(0)).orElseThrow(() -> new ToolchainException(
                executable + " env GOVERSION printed \"" + printed + "\", which names no Go release: it is not the go "
                        + "command, or a Go older than " + GoVersion.MINIMUM + ". Point <goExecutable> at the go command of Go "
                        + GoVersion.MINIMUM.text().substring(2) + " or newer."));
        if (version.compareTo(GoVersion.MINIMUM) < 0) {
            throw new ToolchainException("Go " + version + " at " + executable + " is too old: this plugin needs "
                    + GoVersion.MINIMUM + " or newer. Install a newer Go, or point <goExecutable> at one.");
        }
        Map<String, String> goEnv = new TreeMap<>();
        for (int i = 0; i < LOCATED_WITH.size(); i++) {
            goEnv.put(LOCATED_WITH.get(i), i < values.size() ? values.get(i).trim() : "");
        }
        return new GoToolchain(executable, version, goEnv, request.moduleDirectory(), Map.copyOf(environment), runner);
    }

    /** A file go env names, where "" and "off" mean none. */
    private static Optional<Path> fileSetting(String value) {
        return value == null || value.isEmpty() || "off".equals(value) ? Optional.empty() : Optional.of(Path.of(value));
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
            return new ToolchainException(executable + " env failed with exit code " + result.exitCode()
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
        List<Platform> platforms;
        try {
            platforms = Json.readList(query("tool", "dist", "list", "-json"), Platform.class);
        } catch (IOException e) {
            throw notJson("go tool dist list -json", e);
        }
        return byName(platforms);
    }

    /**
     * {@link #platforms()}, kept in {@code cacheFile} between runs: the list is fixed for one release
     * of one installation, so a run with the same go and Go release starts no {@code go tool dist}.
     */
    public Map<String, Platform> platforms(Path cacheFile) throws ToolchainException {
        String askedOf = executable + " " + releaseName;
        if (Files.isRegularFile(cacheFile)) {
            try {
                PlatformList cached = Json.readFile(cacheFile, PlatformList.class);
                if (askedOf.equals(cached.go()) && cached.platforms() != null) {
                    return byName(cached.platforms());
                }
            } catch (IOException unreadable) {
                // asked again below
            }
        }
        Map<String, Platform> platforms = platforms();
        try {
            Json.writeFile(cacheFile, new PlatformList(askedOf, List.copyOf(platforms.values())));
        } catch (IOException notWritten) {
            // Only a speed-up for the next run.
        }
        return platforms;
    }

    /** What {@link #platforms(Path)} keeps: the list, and which go printed it. */
    private record PlatformList(String go, List<Platform> platforms) {}

    private static Map<String, Platform> byName(List<Platform> platforms) {
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

    /** Runs a go command that prints JSON (go mod edit -json, ...) and reads what it printed as {@code type}. */
    public <T> T queryJson(Class<T> type, String... arguments) throws ToolchainException {
        String json = query(arguments);
        try {
            return Json.read(json, type);
        } catch (IOException e) {
            throw notJson("go " + String.join(" ", arguments), e);
        }
    }

    private static ToolchainException notJson(String command, IOException e) {
        return new ToolchainException(command + " printed something that is not the JSON expected: " + e.getMessage());
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

    /** The go.work file that applies to the module (GOWORK), if any. */
    public Optional<Path> workFile() {
        return workFile;
    }

    /** go's own environment file, written by go env -w (GOENV), if any. */
    public Optional<Path> envFile() {
        return envFile;
    }

    /** The PATH go runs with, for finding C compilers the way go will. */
    public String path() {
        return environment.get("PATH");
    }
}
