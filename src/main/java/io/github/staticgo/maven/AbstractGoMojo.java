package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.toolchain.provision.ProvisionMode;
import io.github.staticgo.toolchain.provision.ProvisionRequest;
import io.github.staticgo.toolchain.provision.Provisioning;
import io.github.staticgo.toolchain.provision.ToolchainProvisioner;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters that decide which go runs, installed or provisioned, shared by every goal that runs go
 * (build, test, and verify's govulncheck install), so that all of them run the same go.
 */
abstract class AbstractGoMojo extends AbstractStaticGoMojo {
    /**
     * The go command to use. When unset: {@code $GOROOT/bin/go}, then {@code go} on PATH.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goExecutable")
    protected File goExecutable;

    /**
     * An exact Go release (e.g. {@code 1.22.5}) to build with. An installed go runs with
     * {@code GOTOOLCHAIN=go<version>} and fetches and checksum-verifies that toolchain itself; a go the
     * plugin provisions (see {@code goProvisioning}) is that release.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goVersion")
    protected String goVersion;

    /**
     * Seconds each go query may take before it and its children are killed: {@code go env},
     * {@code go tool dist list}, {@code go mod edit -json} and the like. With {@code goVersion}, the first
     * {@code go env} downloads that toolchain, which over a slow proxy takes minutes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.queryTimeout", defaultValue = "600")
    protected int queryTimeout;

    /**
     * The Go module directory, the one holding go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.sourceDirectory", defaultValue = "${project.basedir}/src/main/go")
    protected File sourceDirectory;

    /**
     * When the plugin downloads and verifies a Go toolchain itself: {@code auto} when no go is configured
     * or installed, {@code always} (the release {@code goVersion} or go.mod names, even when a go is
     * installed), or {@code never}. A provisioned go runs every goal with {@code GOTOOLCHAIN=local}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goProvisioning", defaultValue = "auto")
    protected String goProvisioning;

    /**
     * The Go module proxy list to provision go through, written as GOPROXY ({@code ,} and {@code |}
     * fallbacks). The GOPROXY environment variable wins over it, and a settings.xml mirror of
     * {@code go-proxy} wins over both; when none is set, an installed go's {@code go env GOPROXY}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goProxy")
    protected String goProxy;

    /**
     * The Go checksum database that vouches for a provisioned toolchain, written as GOSUMDB: the name of
     * Go's default database, {@code <name>+<hash>+<keydata>} (optionally followed by its URL), or
     * {@code off} together with {@code goToolchainHash}. The GOSUMDB environment variable wins over it;
     * when neither is set, an installed go's {@code go env GOSUMDB}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goSumDb")
    protected String goSumDb;

    /**
     * The h1: hash the provisioned toolchain zip must have (the module golang.org/toolchain at
     * {@code v0.0.1-go<version>.<goos>-<goarch>}): checked besides the checksum database, or instead of it
     * with GOSUMDB {@code off} for air-gapped builds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.goToolchainHash")
    protected String goToolchainHash;

    /**
     * Where provisioned toolchains are kept, shared by all projects and builds. Default: the user's
     * cache directory, {@code static-go/toolchains} below {@code $XDG_CACHE_HOME} or {@code ~/.cache}
     * (Linux), {@code ~/Library/Caches} (macOS) or {@code %LocalAppData%} (Windows).
     *
     * @since 0.1.0
     */
    @Parameter(property = "static-go.toolchainCache")
    protected File toolchainCache;

    /** The id a settings.xml {@code <mirrorOf>} names to replace the Go module proxy list. */
    static final String GO_PROXY_MIRROR_OF = "go-proxy";

    private final SettingsDecrypter settingsDecrypter;

    protected AbstractGoMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /**
     * Which go to run, in {@code directory}, with Maven's environment to filter: the installed one, or the
     * one provisioned as the provisioning parameters say, the same for every goal.
     */
    protected GoToolchainRequest toolchainRequest(Path directory) throws ConfigurationException {
        NetworkSettings network = network(settingsDecrypter);
        Map<String, String> environment = network.withProxyForGo(System.getenv());
        return new GoToolchainRequest(
                        goExecutable == null ? null : goExecutable.toPath(),
                        goVersion,
                        session.isOffline(),
                        directory,
                        environment,
                        Duration.ofSeconds(queryTimeout))
                .withProvisioning(new Provisioning(
                        ProvisionMode.of(goProvisioning),
                        ProvisionRequest.builder(
                                        goVersion,
                                        toolchainCache != null
                                                ? toolchainCache.toPath()
                                                : ToolchainProvisioner.defaultCache(environment))
                                .moduleProxy(mirroredProxy().orElse(firstSet(environment.get("GOPROXY"), goProxy)))
                                .checksumDatabase(firstSet(environment.get("GOSUMDB"), goSumDb))
                                .pinnedHash(blankToNull(goToolchainHash))
                                .network(network)
                                .progressInterval(
                                        session.getRequest() != null
                                                        && !session.getRequest().isInteractiveMode()
                                                ? Duration.ofSeconds(10)
                                                : Duration.ofSeconds(2))
                                .build()));
    }

    private Optional<String> mirroredProxy() {
        Settings settings = session.getSettings();
        if (settings == null) {
            return Optional.empty();
        }
        return settings.getMirrors().stream()
                .filter(mirror -> mirror.getMirrorOf() != null
                        && Arrays.stream(mirror.getMirrorOf().split(","))
                                .map(String::trim)
                                .anyMatch(GO_PROXY_MIRROR_OF::equals))
                .map(Mirror::getUrl)
                .findFirst();
    }

    private static String firstSet(String first, String second) {
        return blankToNull(first) != null ? first : blankToNull(second);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
