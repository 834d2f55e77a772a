package io.github.staticgo.toolchain;

import io.github.staticgo.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment go runs with: only what locates tools, caches, proxies and credentials is taken
 * from the caller. Anything that changes what is built (CGO_ENABLED, CC, CGO_*, GOFLAGS, GOOS, GOARCH,
 * GOAMD64, GOEXPERIMENT, ...) comes from the pom alone, so a stray variable on a CI agent cannot change a
 * binary. go's own configuration file (go env -w) is read once for {@link #FROM_GO_CONFIG} and then
 * switched off with {@code GOENV=off}, for the same reason.
 */
public final class GoEnvironment {
    private static final Set<String> PASSED_THROUGH = Set.of(
            // locating programs and the user's files
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "TMPDIR",
            "TEMP",
            "TMP",
            "LANG",
            "LC_ALL",
            "XDG_CACHE_HOME",
            "XDG_CONFIG_HOME",
            "SystemRoot",
            "SYSTEMROOT",
            "USERPROFILE",
            "LOCALAPPDATA",
            "APPDATA",
            "ProgramData",
            "PATHEXT",
            "ComSpec",
            // Go's caches, module download and toolchain selection
            "GOPATH",
            "GOCACHE",
            "GOMODCACHE",
            "GOENV",
            "GOTMPDIR",
            "GOTOOLCHAIN",
            "GOTELEMETRY",
            "GOPROXY",
            "GONOPROXY",
            "GOPRIVATE",
            "GONOSUMDB",
            "GOSUMDB",
            "GOINSECURE",
            "GOVCS",
            "GOAUTH",
            // the workspace: GOWORK=off on an agent turns a go.work off, as it does for go itself
            "GOWORK",
            // reaching private modules
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "NO_PROXY",
            "http_proxy",
            "https_proxy",
            "no_proxy",
            "SSL_CERT_FILE",
            "SSL_CERT_DIR",
            "NETRC",
            "SSH_AUTH_SOCK",
            "GIT_SSH_COMMAND",
            "GIT_TERMINAL_PROMPT");

    /**
     * The settings of go's configuration file (go env -w) that still apply: where modules and toolchains
     * come from, and where go keeps its caches. None of them changes the bytes of a binary.
     */
    public static final List<String> FROM_GO_CONFIG = List.of(
            "GOPROXY",
            "GONOPROXY",
            "GOPRIVATE",
            "GONOSUMDB",
            "GOSUMDB",
            "GOINSECURE",
            "GOVCS",
            "GOAUTH",
            "GOTOOLCHAIN",
            "GOPATH",
            "GOCACHE",
            "GOMODCACHE",
            "GOTMPDIR");

    /** Variables the pom must not set through {@code <env>}: each has its own element. */
    public static final Map<String, String> OWNED_BY_ELEMENTS = Map.of(
            "GOOS", "targets", "GOARCH", "targets", "CGO_ENABLED", "cgo", "CC", "cc", "GOTOOLCHAIN", "goVersion");

    private GoEnvironment() {}

    /** One sentence per variable of {@code env} that has its own element, e.g. "must not set CC; use <cc> instead." */
    public static List<String> ownedKeyProblems(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(env).keySet().forEach(key -> {
            String owner = OWNED_BY_ELEMENTS.get(key);
            if (owner != null) {
                problems.add("must not set " + key + "; use <" + owner + "> instead.");
            }
        });
        return problems;
    }

    /** Refuses a global {@code <env>} that sets a variable with its own element. */
    public static void refuseOwnedKeys(Map<String, String> env) throws ConfigurationException {
        List<String> problems = ownedKeyProblems(env);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("env", String.join(" ", problems));
        }
    }

    /** The module directory must hold go.mod; the message says how to fix it. */
    public static void requireModule(Path moduleDirectory) throws ConfigurationException {
        if (!Files.isRegularFile(moduleDirectory.resolve("go.mod"))) {
            throw new ConfigurationException(
                    "sourceDirectory",
                    "there is no go.mod in " + moduleDirectory
                            + ". Point <sourceDirectory> at the Go module (the directory holding go.mod), or create one there"
                            + " with 'go mod init <module path>'.");
        }
    }

    public static Map<String, String> fromCaller(Map<String, String> callerEnvironment) {
        Map<String, String> environment = new TreeMap<>();
        callerEnvironment.forEach((key, value) -> {
            if (PASSED_THROUGH.contains(key)) {
                environment.put(key, value);
            }
        });
        return environment;
    }
}
