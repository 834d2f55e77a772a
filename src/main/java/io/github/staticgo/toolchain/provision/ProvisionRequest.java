package io.github.staticgo.toolchain.provision;

import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.platform.HostPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to provision and from where; every value is already resolved (environment over pom over go's own
 * default) by the caller.
 *
 * @param goVersion the Go release, e.g. 1.26.8; null until the caller has decided it ({@link #withGoVersion})
 * @param goos the host's GOOS
 * @param goarch the host's GOARCH
 * @param moduleProxy the GOPROXY list to fetch through, or null when none is configured
 * @param checksumDatabase the GOSUMDB value: a database name go knows, a full key (optionally followed by
 *     its URL), "off", or null when none is configured
 * @param pinnedHash an h1: hash the zip must have, or null
 * @param cacheDirectory where provisioned toolchains are kept, shared by all builds
 * @param network Maven's offline mode and proxies
 * @param progressInterval how often a long download logs its progress
 */
public record ProvisionRequest(
        String goVersion,
        String goos,
        String goarch,
        String moduleProxy,
        String checksumDatabase,
        String pinnedHash,
        Path cacheDirectory,
        NetworkSettings network,
        Duration progressInterval) {
    public ProvisionRequest {
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(network, "network");
    }

    public static Builder builder(String goVersion, Path cacheDirectory) {
        return new Builder(goVersion, cacheDirectory);
    }

    /** The same request for the Go release the caller decided on. */
    public ProvisionRequest withGoVersion(String release) {
        return toBuilder().goVersion(release).build();
    }

    /** The same request, with these GOPROXY and GOSUMDB values where it has none. */
    public ProvisionRequest withDefaults(String defaultProxy, String defaultDatabase) {
        return toBuilder()
                .moduleProxy(moduleProxy != null ? moduleProxy : defaultProxy)
                .checksumDatabase(checksumDatabase != null ? checksumDatabase : defaultDatabase)
                .build();
    }

    private Builder toBuilder() {
        return builder(goVersion, cacheDirectory)
                .host(goos, goarch)
                .moduleProxy(moduleProxy)
                .checksumDatabase(checksumDatabase)
                .pinnedHash(pinnedHash)
                .network(network)
                .progressInterval(progressInterval);
    }

    /** The module version of this toolchain, e.g. v0.0.1-go1.26.8.linux-amd64. */
    String moduleVersion() {
        return "v0.0.1-go" + goVersion + "." + goos + "-" + goarch;
    }

    /** For messages: "go1.26.8 for linux/amd64". */
    String described() {
        return "go" + goVersion + " for " + goos + "/" + goarch;
    }

    /** Defaults: the JVM's host, online without proxies, progress every five seconds. */
    public static final class Builder {
        private String goVersion;
        private final Path cacheDirectory;
        private String goos;
        private String goarch;
        private String moduleProxy;
        private String checksumDatabase;
        private String pinnedHash;
        private NetworkSettings network = NetworkSettings.direct();
        private Duration progressInterval = Duration.ofSeconds(5);

        private Builder(String goVersion, Path cacheDirectory) {
            this.goVersion = goVersion;
            this.cacheDirectory = cacheDirectory;
            HostPlatform host = HostPlatform.current();
            this.goos = host.goos();
            this.goarch = host.goarch();
        }

        public Builder goVersion(String goVersion) {
            this.goVersion = goVersion;
            return this;
        }

        public Builder host(String goos, String goarch) {
            this.goos = goos;
            this.goarch = goarch;
            return this;
        }

        public Builder moduleProxy(String moduleProxy) {
            this.moduleProxy = moduleProxy;
            return this;
        }

        public Builder checksumDatabase(String checksumDatabase) {
            this.checksumDatabase = checksumDatabase;
            return this;
        }

        public Builder pinnedHash(String pinnedHash) {
            this.pinnedHash = pinnedHash;
            return this;
        }

        public Builder network(NetworkSettings network) {
            this.network = network;
            return this;
        }

        public Builder progressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
            return this;
        }

        public ProvisionRequest build() {
            return new ProvisionRequest(
                    goVersion,
                    goos,
                    goarch,
                    moduleProxy,
                    checksumDatabase,
                    pinnedHash,
                    cacheDirectory,
                    network,
                    progressInterval);
        }
    }
}
