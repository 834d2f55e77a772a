package io.github.staticgo.toolchain.provision;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Json;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.manifest.OutputLock;
import io.github.staticgo.network.ProxyRefusedException;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Provisions a Go toolchain without go: the module golang.org/toolchain at v0.0.1-go&lt;version&gt;.&lt;goos&gt;-&lt;goarch&gt;
 * is fetched through the module proxy list, its h1: hash is checked against the checksum database's
 * record (inclusion proven against a signed tree head, that head proven consistent with the one kept
 * from earlier lookups) or a pinned hash, and only then is it unpacked
 * into the shared cache, under a lock, through a temporary directory and one rename. A cached toolchain
 * is used without any network call.
 */
public final class ToolchainProvisioner {
    static final String TOOLCHAIN_MODULE = "golang.org/toolchain";
    /** Kept in each cached GOROOT: where it came from and how it was verified. */
    static final String PROVENANCE_FILE = "static-go-provenance.json";

    /** What the cache keeps about a toolchain it holds. */
    record Provenance(String moduleVersion, String zipHash, String proxy, String verifiedBy, String installed) {}

    private final BuildLog log;

    public ToolchainProvisioner(BuildLog log) {
        this.log = log;
    }

    public ProvisionedToolchain provision(ProvisionRequest request) throws ToolchainException {
        Path cache = request.cacheDirectory().toAbsolutePath().normalize();
        String name = request.moduleVersion().substring("v0.0.1-".length()); // go1.26.8.linux-amd64
        Path goRoot = cache.resolve(name);
        Optional<ProvisionedToolchain> cached = cached(goRoot);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (request.network().offline()) {
            throw new ProvisionException(
                    "Maven runs offline (-o) and " + request.described() + " is not in the toolchain cache " + cache
                            + ": run once online to provision it, or set <goExecutable>.");
        }
        try (OutputLock lock =
                OutputLock.acquire(goRoot, "another build that provisions " + request.described(), log)) {
            cached = cached(goRoot); // it may have installed it while this build waited
            if (cached.isPresent()) {
                return cached.get();
            }
            removeLeftovers(cache, name);
            return download(request, cache, name, goRoot);
        } catch (IOException e) {
            throw new ProvisionException("cannot write the toolchain cache " + cache + ": " + e.getMessage()
                    + ". Point <toolchainCache> at a writable directory.");
        }
    }

    /**
     * The cache shared by all builds of this user: static-go/toolchains in the user's cache directory,
     * where Go's os.UserCacheDir puts it: %LocalAppData% on Windows, ~/Library/Caches on macOS,
     * $XDG_CACHE_HOME or ~/.cache elsewhere.
     */
    public static Path defaultCache(Map<String, String> environment) {
        String os = System.getProperty("os.name");
        Path home = Path.of(System.getProperty("user.home"));
        Path userCache;
        if (os.startsWith("Windows") && environment.get("LocalAppData") != null) {
            userCache = Path.of(environment.get("LocalAppData"));
        } else if (os.startsWith("Mac")) {
            userCache = home.resolve("Library/Caches");
        } else {
            String xdg = environment.get("XDG_CACHE_HOME");
            userCache = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        }
        return userCache.resolve("static-go").resolve("toolchains");
    }

    private Optional<ProvisionedToolchain> cached(Path goRoot) {
        Path provenanceFile = goRoot.resolve(PROVENANCE_FILE);
        if (!Files.isRegularFile(provenanceFile)) {
            return Optional.empty();
        }
        try {
            Provenance provenance = Json.readFile(provenanceFile, Provenance.class);
            return Optional.of(new ProvisionedToolchain(
                    goRoot,
                    goExecutable(goRoot),
                    "from the toolchain cache " + goRoot + " (provisioned from " + provenance.proxy() + ", "
                            + provenance.zipHash() + " " + provenance.verifiedBy() + ")"));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Path goExecutable(Path goRoot) {
        return goRoot.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? "go.exe" : "go");
    }

    /** What a killed build left for this toolchain; only the lock's holder may remove it. */
    private void removeLeftovers(Path cache, String name) throws IOException {
        if (!Files.isDirectory(cache)) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(cache)) {
            leftovers = entries.filter(entry -> entry.getFileName().toString().startsWith("." + name + "."))
                    .toList();
        }
        for (Path leftover : leftovers) {
            log.info("Removing " + leftover.getFileName() + ", left by a build that did not finish");
            SafeFiles.deleteTree(leftover);
        }
    }

    private ProvisionedToolchain download(ProvisionRequest request, Path cache, String name, Path goRoot)
            throws ToolchainException, IOException {
        ModuleProxyList proxies = proxies(request);
        Verification verification = Verification.of(request);
        String scratch = "." + name + "." + UUID.randomUUID();
        Path zip = cache.resolve(scratch + ".zip");
        Path unpacking = cache.resolve(scratch + ".unpacking");
        try (HttpTransfer http = new HttpTransfer(request.network(), request.progressInterval(), log)) {
            Optional<CompletableFuture<Verification.Recorded>> lookup =
                    verification.startLookup(request, proxies, http, cache, log);
            Fetched fetched = fetch(request, proxies, http, zip);
            ModuleProxyList.Proxy source = fetched.source();
            ModuleZip.Hashed hashed = zipHash(request, fetched, zip);
            String actual = hashed.hash();
            log.debug("Hashed the zip "
                    + (hashed.reading() == ModuleZip.Reading.STREAMED
                            ? "as it downloaded"
                            : "through its central directory")
                    + ": " + actual);
            String verifiedBy = verification.check(request, actual, source, lookup);
            log.debug("Verified: " + verifiedBy);
            // Only now, verified, is it unpacked: read the way its hash was computed.
            ModuleZip.unpack(zip, hashed.reading(), TOOLCHAIN_MODULE + "@" + request.moduleVersion() + "/", unpacking);
            log.debug("Unpacked into " + unpacking);
            if (!Files.isRegularFile(goExecutable(unpacking))) {
                throw new ProvisionException(request.described() + " from " + source.shown()
                        + " holds no bin/go: it is not a Go toolchain.");
            }
            Json.writeFile(
                    unpacking.resolve(PROVENANCE_FILE),
                    new Provenance(
                            request.moduleVersion(),
                            actual,
                            source.shown(),
                            verifiedBy,
                            Instant.now().toString()));
            Files.move(unpacking, goRoot, StandardCopyOption.ATOMIC_MOVE);
            return new ProvisionedToolchain(
                    goRoot,
                    goExecutable(goRoot),
                    "provisioned from " + source.shown() + ", " + actual + " " + verifiedBy + ", cached in " + goRoot);
        } finally {
            Files.deleteIfExists(zip);
            SafeFiles.deleteTree(unpacking);
        }
    }

    private static ModuleZip.Hashed zipHash(ProvisionRequest request, Fetched fetched, Path zip)
            throws ProvisionException {
        try {
            return fetched.hash().hashOf(zip);
        } catch (IOException e) {
            throw new ProvisionException(request.described() + " downloaded from "
                    + fetched.source().shown()
                    + " is not a readable module zip (" + e.getMessage() + "): the download was altered or corrupted."
                    + " Nothing was installed.");
        }
    }

    private static ModuleProxyList proxies(ProvisionRequest request) throws ProvisionException {
        if (request.moduleProxy() == null || request.moduleProxy().isBlank()) {
            throw new ProvisionException(
                    "<goProxy>: no Go module proxy is configured to provision " + request.described()
                            + " from: set GOPROXY in the environment or <goProxy> (what 'go env GOPROXY' prints on a machine with Go"
                            + " is Go's default), or set <goExecutable>.");
        }
        ModuleProxyList proxies = ModuleProxyList.parse(request.moduleProxy(), "<goProxy>/GOPROXY");
        if (proxies.proxies().isEmpty()) {
            throw new ProvisionException(
                    "<goProxy>/GOPROXY is '" + request.moduleProxy() + "': it names no module proxy,"
                            + " and a Go toolchain is provisioned only through one. Set a proxy URL before '"
                            + proxies.endsWith() + "', or set <goExecutable>.");
        }
        return proxies;
    }

    /** The proxy the zip came from, and its hash as it streamed in. */
    private record Fetched(ModuleProxyList.Proxy source, ModuleZip.StreamedHash hash) {}

    /**
     * Downloads the zip from the first proxy that has it, falling through the list as go does, hashing it
     * as it arrives.
     */
    private Fetched fetch(ProvisionRequest request, ModuleProxyList proxies, HttpTransfer http, Path zip)
            throws ProvisionException {
        String path = "/" + TOOLCHAIN_MODULE + "/@v/" + request.moduleVersion() + ".zip";
        log.info("Provisioning " + request.described() + " (" + TOOLCHAIN_MODULE + "@" + request.moduleVersion() + ")");
        StringBuilder tried = new StringBuilder();
        for (ModuleProxyList.Proxy proxy : proxies.proxies()) {
            String failure;
            try {
                ModuleZip.StreamedHash hash = new ModuleZip.StreamedHash();
                HttpTransfer.Answer answer =
                        http.download(URI.create(proxy.uri() + path), zip, request.described(), hash);
                if (answer.ok()) {
                    return new Fetched(proxy, hash);
                }
                failure = answer.failure();
                if (answer.status() == 404 || answer.status() == 410) {
                    tried.append(tried.isEmpty() ? "" : "; ")
                            .append(proxy.shown())
                            .append(": ")
                            .append(failure);
                    continue;
                }
            } catch (ProxyRefusedException e) {
                throw new ProvisionException(e.getMessage());
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisionException("interrupted while downloading " + request.described());
            }
            tried.append(tried.isEmpty() ? "" : "; ")
                    .append(proxy.shown())
                    .append(": ")
                    .append(failure);
            if (!proxy.anyErrorFallsThrough()) {
                throw new ProvisionException(
                        "the module proxy " + proxy.shown() + " failed to send " + request.described() + ": " + failure
                                + ". Check that <goVersion> is a Go release built for that host and try again, or list"
                                + " a fallback proxy after '|' in <goProxy>/GOPROXY.");
            }
        }
        throw notPublished(request, proxies.proxies().get(0), http, tried.toString());
    }

    /** Every proxy said 404/410: tells an unknown release from one not built for this host. */
    private static ProvisionException notPublished(
            ProvisionRequest request, ModuleProxyList.Proxy proxy, HttpTransfer http, String tried) {
        String anyHost = TOOLCHAIN_MODULE + "/@v/v0.0.1-go" + request.goVersion() + ".linux-amd64.info";
        boolean released;
        try {
            released = http.get(URI.create(proxy.uri() + "/" + anyHost)).ok();
        } catch (IOException | InterruptedException e) {
            released = false;
        }
        return new ProvisionException(
                released
                        ? "<goVersion>: Go " + request.goVersion() + " is released, but not for " + request.goos() + "/"
                                + request.goarch() + " (" + tried
                                + "): build on a host Go supports, or set <goExecutable>."
                        : "<goVersion>: " + request.goVersion() + " is not a Go release any module proxy knows ("
                                + tried
                                + "): use a released Go version, e.g. the one go version prints on a developer machine.");
    }
}
