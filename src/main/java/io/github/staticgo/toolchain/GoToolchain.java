package io.github.staticgo.toolchain;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Json;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.ReadableLine;
import io.github.staticgo.process.SecretMasker;
import io.github.staticgo.toolchain.provision.ProvisionRequest;
import io.github.staticgo.toolchain.provision.ProvisionedToolchain;
import io.github.staticgo.toolchain.provision.Provisioning;
import io.github.staticgo.toolchain.provision.ToolchainProvisioner;
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
 * is read when the toolchain is located: the Go release, the host platform, the go.work and go env
 * files that apply to the module, and the settings of go's configuration file that still apply
 * ({@link GoEnvironment#FROM_GO_CONFIG}). Every later go command runs with those values set
 * explicitly and {@code GOENV=off}, so go env -w cannot change what is built.
 */
public final class GoToolchain {
    /** What {@code go env} is asked at start, one value per line in this order. */
    private static final List<String> LOCATED_WITH = located();
    /** The file name, in a build's state directory, of what {@link #platforms(Path)} and {@link #defaultVariants} keep. */
    public static final String KEPT_FACTS_FILE = "go-platforms.json";
    /** The file name, in a build's state directory, of the kept answer of the go env that locates go. */
    public static final String KEPT_ENV_FILE = "go-env.properties";

    private final Path executable;
    private final GoVersion version;
    /** GOVERSION as go prints it: also tells development builds apart, which {@link #version} does not. */
    private final String releaseName;

    private final String hostPlatform;
    private final Optional<Path> workFile;
    private final Optional<Path> envFile;
    private final Optional<Path> moduleCache;
    private final Path moduleDirectory;
    private final Map<String, String> environment;
    private final ProcessRunner runner;
    private final Duration queryTimeout;
    /** Where this go came from, for the log: provisioned (and how verified), or installed. */
    private final String origin;

    private static List<String> located() {
        List<String> keys = new ArrayList<>(
                List.of("GOVERSION", "GOHOSTOS", "GOHOSTARCH", "GOWORK", "GOENV", "GOMODCACHE", "GOROOT"));
        keys.addAll(GoEnvironment.FROM_GO_CONFIG);
        return List.copyOf(keys);
    }

    private GoToolchain(
            Path executable,
            GoVersion version,
            Map<String, String> goEnv,
            Path moduleDirectory,
            Map<String, String> environment,
            ProcessRunner runner,
            Duration queryTimeout,
            String origin) {
        this.executable = executable;
        this.version = version;
        this.releaseName = goEnv.get("GOVERSION");
        this.hostPlatform = goEnv.get("GOHOSTOS") + "/" + goEnv.get("GOHOSTARCH");
        this.workFile = fileSetting(goEnv.get("GOWORK"));
        this.envFile = fileSetting(goEnv.get("GOENV"));
        this.moduleCache = fileSetting(goEnv.get("GOMODCACHE"));
        this.moduleDirectory = moduleDirectory;
        this.environment = environment;
        this.runner = runner;
        this.queryTimeout = queryTimeout;
        this.origin = origin;
    }

    public static GoToolchain locate(GoToolchainRequest request, ProcessRunner runner) throws ToolchainException {
        return locate(request, runner, BuildLog.silent());
    }

    /**
     * Finds go, or provisions it as {@link GoToolchainRequest#provisioning()} says; a provisioned go runs
     * with GOTOOLCHAIN=local, so it never switches to another release itself.
     *
     * @param log where provisioning reports its download
     */
    public static GoToolchain locate(GoToolchainRequest request, ProcessRunner runner, BuildLog log)
            throws ToolchainException {
        Map<String, String> environment = new TreeMap<>(GoEnvironment.fromCaller(request.callerEnvironment()));
        if (request.goVersion() != null && !GoVersion.isExactRelease(request.goVersion())) {
            throw new ToolchainException("<goVersion> '" + request.goVersion() + "' is not one Go release: write it "
                    + "as go version would print it without 'go', e.g. 1.22.5 or 1.23rc1.");
        }
        if (request.goVersion() != null) {
            checkSwitchable(request.goVersion());
        }
        if (request.offline()) {
            environment.put("GOPROXY", "off");
        }
        Optional<ProvisionedToolchain> provisioned = provisionIfNeeded(request, runner, log);
        Path executable;
        if (provisioned.isPresent()) {
            executable = provisioned.get().goExecutable();
            environment.put("GOTOOLCHAIN", "local");
        } else {
            executable = findExecutable(request);
            if (request.goVersion() != null) {
                environment.put("GOTOOLCHAIN", "go" + request.goVersion());
            }
        }
        Optional<KeptAnswer> kept = Optional.ofNullable(request.keptAnswers()).map(file -> {
            Map<String, String> inputs = KeptAnswer.goInputs(executable, environment, request.moduleDirectory());
            inputs.put("asked", String.join(" ", LOCATED_WITH));
            return new KeptAnswer(file, inputs);
        });
        Optional<List<String>> keptValues = kept.flatMap(KeptAnswer::lines);
        List<String> values =
                keptValues.isPresent() ? keptValues.get() : askGoEnv(request, runner, executable, environment);
        String printed = ReadableLine.of(String.join(" ", values).trim());
        // Go before 1.16 knows no GOVERSION and prints an empty line for it.
        GoVersion version = GoVersion.find(values.isEmpty() ? "" : values.get(0))
                .orElseThrow(() -> new ToolchainException(executable + " env GOVERSION printed \"" + printed
                        + "\", which names no Go release: it is not the go "
                        + "command, or a Go older than " + GoVersion.MINIMUM
                        + ". Point <goExecutable> at the go command of Go "
                        + GoVersion.MINIMUM.text().substring(2) + " or newer."));
        if (version.compareTo(GoVersion.MINIMUM) < 0) {
            throw new ToolchainException("Go " + version + " at " + executable + " is too old: this plugin needs "
                    + GoVersion.MINIMUM + " or newer. Install a newer Go, or point <goExecutable> at one.");
        }
        Map<String, String> goEnv = new TreeMap<>();
        for (int i = 0; i < LOCATED_WITH.size(); i++) {
            goEnv.put(LOCATED_WITH.get(i), i < values.size() ? values.get(i).trim() : "");
        }
        if (kept.isPresent() && keptValues.isEmpty()) {
            kept.get().keep(values, namedFiles(goEnv));
        }
        return new GoToolchain(
                executable,
                version,
                goEnv,
                request.moduleDirectory(),
                hermetic(environment, goEnv),
                runner,
                request.queryTimeout(),
                provisioned.map(ProvisionedToolchain::origin).orElse("installed"));
    }

    private static List<String> askGoEnv(
            GoToolchainRequest request, ProcessRunner runner, Path executable, Map<String, String> environment)
            throws ToolchainException {
        List<String> envCommand = new ArrayList<>(List.of(executable.toString(), "env"));
        envCommand.addAll(LOCATED_WITH);
        ProcessResult result;
        try {
            result = runner.run(
                    new ProcessSpec(envCommand, request.moduleDirectory(), environment, request.queryTimeout()),
                    line -> {});
        } catch (ProcessFailedException e) {
            throw new ToolchainException("Cannot run " + executable + " env: " + e.getMessage()
                    + ". Check that <goExecutable> (or go on PATH) is a working Go installation.");
        }
        if (!result.succeeded()) {
            throw versionFailure(request, executable, environment, result);
        }
        return result.stdout();
    }

    /** The files go env's answer was read from besides the module's: its env file, $GOROOT/go.env, the go.work in use. */
    private static List<Path> namedFiles(Map<String, String> goEnv) {
        List<Path> named = new ArrayList<>();
        fileSetting(goEnv.get("GOENV")).ifPresent(named::add);
        fileSetting(goEnv.get("GOROOT")).map(root -> root.resolve("go.env")).ifPresent(named::add);
        fileSetting(goEnv.get("GOWORK")).ifPresent(named::add);
        return named;
    }

    /** The provisioned toolchain, when the mode and what is installed call for one. */
    private static Optional<ProvisionedToolchain> provisionIfNeeded(
            GoToolchainRequest request, ProcessRunner runner, BuildLog log) throws ToolchainException {
        Provisioning provisioning = request.provisioning();
        switch (provisioning.mode()) {
            case NEVER:
                return Optional.empty();
            case AUTO:
                if (request.goExecutable() != null || installed(request).isPresent()) {
                    return Optional.empty();
                }
                break;
            case ALWAYS:
                break;
        }
        ProvisionRequest provision = withInstalledGoDefaults(
                provisioning.request().withGoVersion(provisionedVersion(request)), request, runner);
        return Optional.of(new ToolchainProvisioner(log).provision(provision));
    }

    private static Optional<Path> installed(GoToolchainRequest request) {
        try {
            return Optional.of(findExecutable(request));
        } catch (ToolchainException none) {
            return Optional.empty();
        }
    }

    /**
     * {@code <goVersion>}, which must not be older than what go.mod needs (go would refuse to build with
     * GOTOOLCHAIN=local); without it, the release go.mod's go and toolchain lines need.
     */
    private static String provisionedVersion(GoToolchainRequest request) throws ToolchainException {
        Optional<String> needed = GoModRequirement.release(request.moduleDirectory());
        if (request.goVersion() == null) {
            return needed.orElseThrow(() -> new ToolchainException("<goVersion>: no go is installed, and neither"
                    + " <goVersion> nor a go line in "
                    + request.moduleDirectory().resolve("go.mod")
                    + " names the Go release to provision: set <goVersion>, e.g. 1.26.8."));
        }
        if (needed.isPresent()
                && GoModRequirement.version(needed.get()).compareTo(GoModRequirement.version(request.goVersion()))
                        > 0) {
            throw new ToolchainException("<goVersion> " + request.goVersion() + " is older than the Go "
                    + needed.get() + " that " + request.moduleDirectory().resolve("go.mod")
                    + " needs (its go or toolchain line): raise <goVersion> to " + needed.get()
                    + ", or remove it to provision what go.mod names.");
        }
        return request.goVersion();
    }

    /**
     * Fills in the module proxy and checksum database the pom and environment left unset from an installed
     * go's {@code go env}, which knows Go's defaults and its go env -w settings; unchanged when none is installed.
     */
    private static ProvisionRequest withInstalledGoDefaults(
            ProvisionRequest provision, GoToolchainRequest request, ProcessRunner runner) {
        if (provision.moduleProxy() != null && provision.checksumDatabase() != null) {
            return provision;
        }
        Optional<Path> installed = installed(request);
        if (installed.isEmpty()) {
            return provision;
        }
        Map<String, String> environment = new TreeMap<>(GoEnvironment.fromCaller(request.callerEnvironment()));
        environment.put("GOTOOLCHAIN", "local");
        try {
            ProcessResult result = runner.run(
                    new ProcessSpec(
                            List.of(installed.get().toString(), "env", "GOPROXY", "GOSUMDB"),
                            request.moduleDirectory(),
                            environment,
                            request.queryTimeout()),
                    line -> {});
            List<String> values = result.stdout();
            if (!result.succeeded() || values.size() < 2) {
                return provision;
            }
            return provision.withDefaults(values.get(0).trim(), values.get(1).trim());
        } catch (ProcessFailedException e) {
            return provision;
        }
    }

    /**
     * The environment of every later go command: the settings of go's configuration that still apply,
     * as go resolved them (caller's environment over go env file over $GOROOT/go.env), set explicitly;
     * the workspace go found, or none; and no go env file.
     */
    private static Map<String, String> hermetic(Map<String, String> environment, Map<String, String> goEnv) {
        Map<String, String> hermetic = new TreeMap<>(environment);
        for (String key : GoEnvironment.FROM_GO_CONFIG) {
            String value = goEnv.get(key);
            if (!value.isEmpty()) {
                hermetic.put(key, value);
            }
        }
        String work = goEnv.get("GOWORK");
        hermetic.put("GOWORK", work.isEmpty() ? "off" : work);
        hermetic.put("GOENV", "off");
        return Map.copyOf(hermetic);
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
            throw new ToolchainException("<goVersion> '" + goVersion + "' is older than Go "
                    + GoVersion.MINIMUM.text().substring(2)
                    + ", the oldest this plugin drives and the first go can switch to: use 1.21.0 or newer.");
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
                throw new ToolchainException(
                        "<goExecutable> " + configured + " is not an executable file. "
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
        return Executables.find("go", request.callerEnvironment().get("PATH"))
                .orElseThrow(() -> new ToolchainException(
                        "Cannot find the go command: <goExecutable> is not set, $GOROOT/bin/go does not exist and there is "
                                + "no go on PATH. Install Go "
                                + GoVersion.MINIMUM.text().substring(2)
                                + " or newer and put it on PATH, or set <goExecutable> to its bin/go."));
    }

    private static ToolchainException versionFailure(
            GoToolchainRequest request, Path executable, Map<String, String> environment, ProcessResult result) {
        if (request.goVersion() == null) {
            return new ToolchainException("go env failed: " + result.failureText());
        }
        String proxy = SecretMasker.maskText(environment.getOrDefault("GOPROXY", "(go's default)"));
        String advice = request.offline()
                ? "Maven runs offline (-o), so go ran with GOPROXY=off: run once online to fetch the toolchain into the module cache."
                : "Check that go" + request.goVersion()
                        + " is a released Go version and that GOPROXY can be reached, or remove <goVersion>.";
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
        KeptFacts kept = kept(cacheFile);
        if (kept.platforms() != null) {
            return byName(kept.platforms());
        }
        Map<String, Platform> platforms = platforms();
        keep(cacheFile, new KeptFacts(kept.go(), List.copyOf(platforms.values()), kept.defaultVariants()));
        return platforms;
    }

    /**
     * {@link #defaultVariant} of each platform, kept in {@code cacheFile} beside the platform list: go is
     * asked only about platforms it was not asked about before.
     *
     * @param variableByPlatform the variant variable (GOAMD64, GOARM, ...) of each "goos/goarch" asked about
     * @return the default variant by "goos/goarch"; absent where the architecture has none
     */
    public Map<String, String> defaultVariants(Map<Platform, String> variableByPlatform, Path cacheFile)
            throws ToolchainException {
        KeptFacts kept = kept(cacheFile);
        Map<String, String> known = new TreeMap<>(kept.defaultVariants() == null ? Map.of() : kept.defaultVariants());
        boolean asked = false;
        for (Map.Entry<Platform, String> entry : variableByPlatform.entrySet()) {
            Platform platform = entry.getKey();
            if (!known.containsKey(platform.name())) {
                String value = defaultVariant(platform.goos(), platform.goarch(), entry.getValue());
                known.put(platform.name(), value == null ? "" : value); // "" keeps "asked, none" apart from "not asked"
                asked = true;
            }
        }
        if (asked) {
            keep(cacheFile, new KeptFacts(kept.go(), kept.platforms(), known));
        }
        Map<String, String> defaults = new TreeMap<>();
        known.forEach((platform, value) -> {
            if (!value.isEmpty()) {
                defaults.put(platform, value);
            }
        });
        return defaults;
    }

    /**
     * What one release of one go installation always answers, kept between runs: the platform list and
     * the default variants asked so far (either may be null), and which go gave them.
     */
    private record KeptFacts(String go, List<Platform> platforms, Map<String, String> defaultVariants) {}

    /**
     * The platform list a build kept in {@code cacheFile}, whichever go it was asked of: for goals that
     * check platform names but run no go themselves. Empty when none is kept or it cannot be read.
     */
    public static Optional<Map<String, Platform>> keptPlatforms(Path cacheFile) {
        try {
            KeptFacts kept = Files.isRegularFile(cacheFile) ? Json.readFile(cacheFile, KeptFacts.class) : null;
            return kept == null || kept.platforms() == null ? Optional.empty() : Optional.of(byName(kept.platforms()));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Go's platform list for checking platform names where no build runs: the one a build kept in
     * {@code keptFile} (may be null), else the one the go found on GOROOT or PATH prints; empty when there
     * is neither.
     */
    public static Optional<Map<String, Platform>> knownPlatforms(
            Path keptFile, Path workingDirectory, Map<String, String> callerEnvironment, ProcessRunner runner) {
        Optional<Map<String, Platform>> kept = keptFile == null ? Optional.empty() : keptPlatforms(keptFile);
        if (kept.isPresent()) {
            return kept;
        }
        try {
            return Optional.of(
                    locate(new GoToolchainRequest(null, null, false, workingDirectory, callerEnvironment), runner)
                            .platforms());
        } catch (ToolchainException noGo) {
            return Optional.empty();
        }
    }

    /** The facts kept for this go, or an empty record when none are kept or they were kept for another go. */
    private KeptFacts kept(Path cacheFile) {
        String askedOf = executable + " " + releaseName;
        if (Files.isRegularFile(cacheFile)) {
            try {
                KeptFacts cached = Json.readFile(cacheFile, KeptFacts.class);
                if (askedOf.equals(cached.go())) {
                    return cached;
                }
            } catch (IOException unreadable) {
                // asked again
            }
        }
        return new KeptFacts(askedOf, null, null);
    }

    private static void keep(Path cacheFile, KeptFacts facts) {
        try {
            Json.writeFile(cacheFile, facts);
        } catch (IOException notWritten) {
            // Only a speed-up for the next run.
        }
    }

    private static Map<String, Platform> byName(List<Platform> platforms) {
        Map<String, Platform> byName = new LinkedHashMap<>();
        platforms.forEach(platform -> byName.put(platform.name(), platform));
        return byName;
    }

    /** Runs a quick go command in the module directory (go env, go mod edit, ...) and returns its standard output. */
    public String query(String... arguments) throws ToolchainException {
        return String.join(
                "\n",
                queryResult(List.of(arguments), Map.of(), "go " + String.join(" ", arguments))
                        .stdout());
    }

    private ProcessResult queryResult(List<String> arguments, Map<String, String> extraEnvironment, String described)
            throws ToolchainException {
        ProcessResult result;
        try {
            result = runner.run(command(arguments, extraEnvironment, queryTimeout), line -> {});
        } catch (ProcessFailedException e) {
            throw new ToolchainException(described + " failed: " + e.getMessage());
        }
        if (!result.succeeded()) {
            throw new ToolchainException(described + " failed: " + result.failureText());
        }
        return result;
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

    /**
     * Runs a go command that prints a sequence of JSON objects (go list -json) with {@code extraEnvironment}
     * (a target's GOOS, GOARCH, CGO_ENABLED, ...) and reads each as {@code type}.
     */
    public <T> List<T> queryJsonSequence(Class<T> type, List<String> arguments, Map<String, String> extraEnvironment)
            throws ToolchainException {
        String described = "go " + String.join(" ", arguments);
        return readSequence(
                type, queryResult(arguments, extraEnvironment, described).stdout(), described);
    }

    /**
     * {@link #queryJsonSequence} with what go printed kept in {@code keptFile}: go is asked again only when
     * this go, its environment, the module's go.mod or go.work, the arguments or {@code alsoReads} (what
     * else the answer depends on, e.g. the files below a pattern's directory) changed.
     */
    public <T> List<T> queryJsonSequence(
            Class<T> type, List<String> arguments, Path keptFile, Map<String, String> alsoReads)
            throws ToolchainException {
        Map<String, String> inputs = KeptAnswer.goInputs(executable, environment, moduleDirectory);
        inputs.put("arguments", String.join("\u0000", arguments));
        alsoReads.forEach((key, value) -> inputs.put("reads " + key, value));
        KeptAnswer kept = new KeptAnswer(keptFile, inputs);
        String described = "go " + String.join(" ", arguments);
        Optional<List<String>> keptLines = kept.lines();
        if (keptLines.isPresent()) {
            return readSequence(type, keptLines.get(), described);
        }
        List<String> lines = queryResult(arguments, Map.of(), described).stdout();
        List<T> answer = readSequence(type, lines, described);
        kept.keep(lines, List.of());
        return answer;
    }

    private static <T> List<T> readSequence(Class<T> type, List<String> lines, String described)
            throws ToolchainException {
        String json = String.join("\n", lines);
        try {
            return Json.readSequence(json, type);
        } catch (IOException e) {
            throw notJson(described, e);
        }
    }

    private static ToolchainException notJson(String command, IOException e) {
        return new ToolchainException(command + " printed something that is not the JSON expected: " + e.getMessage());
    }

    /**
     * The variant go builds for a platform when none is set (e.g. GOAMD64=v1, GOARM=7), asked of go with
     * no variant in the environment; null for an architecture without variants or without a default.
     *
     * @param variable the variant's variable for the platform's GOARCH, e.g. GOAMD64
     */
    public String defaultVariant(String goos, String goarch, String variable) throws ToolchainException {
        ProcessResult result = queryResult(
                List.of("env", variable),
                Map.of("GOOS", goos, "GOARCH", goarch),
                "go env " + variable + " for " + goos + "/" + goarch);
        String value = result.stdout().isEmpty() ? "" : result.stdout().get(0).trim();
        return value.isEmpty() ? null : value;
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

    /** The environment every go command of this toolchain runs with, before a command's own additions. */
    public Map<String, String> environment() {
        return environment;
    }

    public GoVersion version() {
        return version;
    }

    /** For the log: "go1.26.8 (/path/bin/go) on linux/amd64", and where a provisioned go came from. */
    public String describe() {
        return version + " (" + executable + ") on " + hostPlatform + ("installed".equals(origin) ? "" : ", " + origin);
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

    /** The directory every go command runs in: the Go module. */
    public Path moduleDirectory() {
        return moduleDirectory;
    }

    /** Where go keeps downloaded modules (GOMODCACHE): read-only, each version verified against go.sum. */
    public Optional<Path> moduleCache() {
        return moduleCache;
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
