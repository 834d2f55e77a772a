package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Tools;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning against a module proxy and checksum database on 127.0.0.1 that run Go's own checksum
 * database code ({@link ChecksumProxyServer}): what it serves honestly is installed, every alteration
 * is refused with nothing left in the cache.
 */
class ToolchainProvisionerTest {
    private static final String VERSION = "1.99.1";

    @TempDir
    Path dir;

    private Path zips() throws IOException {
        Path zips = dir.resolve("zips");
        ChecksumProxyServer.toolchainZip(zips, VERSION);
        return zips;
    }

    private ProvisionRequest.Builder request(ChecksumProxyServer server) {
        return ProvisionRequest.builder(VERSION, dir.resolve("cache"))
                .host("linux", "amd64")
                .moduleProxy(server.url())
                .checksumDatabase(server.verifierKey);
    }

    private static ProvisionedToolchain provision(ProvisionRequest request) throws ToolchainException {
        return new ToolchainProvisioner(BuildLog.silent()).provision(request);
    }

    /**
     * The cache holds no toolchain and no half-written leftovers: only lock files and the database's tree
     * head, kept once its signature and consistency are verified whatever the zip turns out to be, as go keeps it.
     */
    static void assertNothingCached(Path cache) throws IOException {
        if (Files.isDirectory(cache)) {
            try (Stream<Path> entries = Files.list(cache)) {
                assertEquals(
                        List.of(),
                        entries.map(entry -> entry.getFileName().toString())
                                .filter(name -> !name.endsWith(".lock") && !name.equals("sumdb"))
                                .toList());
            }
        }
    }

    private void assertNothingCached() throws IOException {
        assertNothingCached(dir.resolve("cache"));
    }

    /** No tree head was kept: the signed note, or the record in it, was refused before it could be. */
    private void assertNoTreeHeadKept() {
        assertFalse(Files.exists(dir.resolve("cache/sumdb")), "a tree head was kept");
    }

    @Test
    void installsWhatTheDatabaseVouchesForAndThenUsesTheCacheWithoutNetwork() throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"))) {
            ProvisionedToolchain go = provision(request(server).build());

            assertEquals(
                    "go version go" + VERSION + " linux/amd64",
                    Tools.run(dir, go.goExecutable().toString()).trim());
            assertTrue(Files.isExecutable(go.goRoot().resolve("pkg/tool/linux_amd64/compile")));
            assertEquals("module std\n", Files.readString(go.goRoot().resolve("src/go.mod")));
            List<String> requests = server.requests();
            assertEquals(1, server.zipDownloads(), requests.toString());
            assertTrue(
                    requests.stream().anyMatch(path -> path.contains("/lookup/golang.org/toolchain@")),
                    requests.toString());
            assertTrue(
                    requests.stream().anyMatch(path -> path.contains("/tile/8/1/")),
                    "proof reaches level 1: " + requests);

            ProvisionedToolchain again =
                    provision(request(server).moduleProxy("http://127.0.0.1:9").build());
            assertEquals(go.goExecutable(), again.goExecutable());
            assertTrue(again.origin().startsWith("from the toolchain cache"), again.origin());
            assertEquals(requests, server.requests(), "the second provisioning made a request");
        }
    }

    @Test
    void refusesAZipWithOneChangedByte() throws Exception {
        Path zips = zips();
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips, dir.resolve("server"))) {
            Path zip = zips.resolve("v0.0.1-go" + VERSION + ".linux-amd64.zip");
            byte[] bytes = Files.readAllBytes(zip);
            int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("echo go version");
            bytes[at] = 'E';
            Files.write(zip, bytes); // after the server hashed it: it now serves an altered zip

            ToolchainException refused = assertThrows(
                    ToolchainException.class, () -> provision(request(server).build()));

            assertTrue(refused.getMessage().contains("but the checksum database sumdb.test"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Nothing was installed"), refused.getMessage());
            assertNothingCached();
        }
    }

    /** Provisioning from a server misbehaving as {@code flags} say fails saying {@code expected}, and caches nothing. */
    private void assertRefused(String expected, String... flags) throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"), flags)) {
            ToolchainException refused = assertThrows(
                    ToolchainException.class, () -> provision(request(server).build()));

            assertTrue(refused.getMessage().contains(expected), refused.getMessage());
            assertNothingCached();
        }
    }

    @Test
    void refusesARecordThatDoesNotMatch() throws Exception {
        assertRefused("records h1:AAAA", "-wrong-hash", "v0.0.1-go" + VERSION + ".linux-amd64");
    }

    @Test
    void refusesATreeHeadWithABadSignature() throws Exception {
        assertRefused("has a bad signature", "-bad-signature");
        assertNoTreeHeadKept();
    }

    @Test
    void refusesARecordThatIsNotInTheSignedTree() throws Exception {
        assertRefused("of its signed tree of", "-alter-record");
        assertNoTreeHeadKept();
    }

    @Test
    void refusesATruncatedDownload() throws Exception {
        assertRefused("failed to send go" + VERSION, "-truncate");
    }

    @Test
    void offlineWithAnEmptyCacheFailsInOneLineWithoutAnyRequest() throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"))) {
            ToolchainException refused = assertThrows(
                    ToolchainException.class,
                    () -> provision(request(server)
                            .network(new NetworkSettings(true, List.of()))
                            .build()));

            assertTrue(refused.getMessage().startsWith("Maven runs offline (-o)"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertEquals(List.of(), server.requests());
        }
    }

    @Test
    void twoConcurrentProvisioningsDownloadOnce() throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<ProvisionedToolchain>> both = List.of(
                        () -> provision(request(server).build()),
                        () -> provision(request(server).build()));
                List<Path> executables = new ArrayList<>();
                for (Future<ProvisionedToolchain> result : pool.invokeAll(both)) {
                    executables.add(result.get().goExecutable());
                }
                assertEquals(executables.get(0), executables.get(1));
                assertEquals(1, server.zipDownloads(), server.requests().toString());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A module proxy reachable only through the settings.xml proxy: the 127.0.0.1 server stands in as
     * that HTTP proxy (it serves the absolute-form requests a client sends a proxy by their path), and
     * the module proxy's own host (.invalid, which never resolves) is never looked up.
     */
    @Test
    void goesThroughTheSettingsProxy() throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"))) {
            NetworkSettings throughProxy = new NetworkSettings(
                    false,
                    List.of(new NetworkSettings.HttpProxy(
                            "test-proxy", "http", "127.0.0.1", server.port, null, null, "nothing.test")));

            ProvisionedToolchain go = provision(request(server)
                    .moduleProxy("http://goproxy.invalid")
                    .network(throughProxy)
                    .build());

            assertTrue(go.origin().startsWith("provisioned from http://goproxy.invalid"), go.origin());
            assertEquals(1, server.zipDownloads(), server.requests().toString());
        }
    }

    /** Two JVMs, as two builds on one agent: the file lock makes the second wait and then use the first's. */
    @Test
    void twoBuildsInTwoProcessesDownloadOnce() throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"))) {
            List<Process> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                ProvisionInAnotherJvm.class.getName(),
                                VERSION,
                                dir.resolve("cache").toString(),
                                server.url(),
                                server.verifierKey)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("build-" + i + ".log").toFile())
                        .start());
            }
            for (Process build : builds) {
                assertEquals(
                        0, build.waitFor(), Files.readString(dir.resolve("build-" + builds.indexOf(build) + ".log")));
            }
            assertEquals(1, server.zipDownloads(), server.requests().toString());
            assertTrue(Files.isExecutable(dir.resolve("cache/go" + VERSION + ".linux-amd64/bin/go")));
        }
    }

    /** The other proxies relay no checksum database (404 for supported), so the good one's is used, as go would. */
    @Test
    void fallsThroughTheProxyListAsGoDoes() throws Exception {
        Path zips = zips();
        try (ChecksumProxyServer good = ChecksumProxyServer.start(zips, dir.resolve("good"));
                ChecksumProxyServer failing =
                        ChecksumProxyServer.start(zips, dir.resolve("failing"), "-zip-status", "503", "-no-sumdb");
                ChecksumProxyServer empty = ChecksumProxyServer.start(
                        Files.createDirectories(dir.resolve("none")), dir.resolve("empty"), "-no-sumdb")) {
            ToolchainException stopped = assertThrows(
                    ToolchainException.class,
                    () -> provision(request(good)
                            .moduleProxy(failing.url() + "," + good.url())
                            .build()));
            assertTrue(stopped.getMessage().contains(failing.url() + " failed to send"), stopped.getMessage());
            assertTrue(stopped.getMessage().contains("HTTP 503"), stopped.getMessage());
            assertEquals(0, good.zipDownloads());

            provision(request(good)
                    .moduleProxy(empty.url() + "," + failing.url() + "|" + good.url())
                    .build());
            assertEquals(1, good.zipDownloads());
        }
    }

    @Test
    void tellsAnUnknownReleaseFromOneNotBuiltForTheHost() throws Exception {
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips(), dir.resolve("server"))) {
            ToolchainException unknown = assertThrows(
                    ToolchainException.class,
                    () -> provision(request(server).build().withGoVersion("1.99.7")));
            assertTrue(
                    unknown.getMessage().startsWith("<goVersion>: 1.99.7 is not a Go release"), unknown.getMessage());

            ToolchainException notForHost = assertThrows(
                    ToolchainException.class,
                    () -> provision(request(server).host("linux", "riscv64").build()));
            assertTrue(
                    notForHost
                            .getMessage()
                            .startsWith("<goVersion>: Go " + VERSION + " is released, but not for linux/riscv64"),
                    notForHost.getMessage());
        }
    }

    @Test
    void withTheDatabaseOffAPinnedHashVerifies() throws Exception {
        Path zips = zips();
        try (ChecksumProxyServer server = ChecksumProxyServer.start(zips, dir.resolve("server"))) {
            ToolchainException noPin = assertThrows(
                    ToolchainException.class,
                    () -> provision(request(server).checksumDatabase("off").build()));
            assertTrue(noPin.getMessage().startsWith("<goToolchainHash>: GOSUMDB is off"), noPin.getMessage());

            String wrongPin = "h1:" + "B".repeat(43) + "=";
            ToolchainException mismatch = assertThrows(
                    ToolchainException.class,
                    () -> provision(request(server)
                            .checksumDatabase("off")
                            .pinnedHash(wrongPin)
                            .build()));
            assertTrue(mismatch.getMessage().contains("not the pinned " + wrongPin), mismatch.getMessage());
            assertNothingCached();

            String rightPin = ModuleZip.hash(zips.resolve("v0.0.1-go" + VERSION + ".linux-amd64.zip"));
            ProvisionedToolchain go = provision(
                    request(server).checksumDatabase("off").pinnedHash(rightPin).build());
            assertTrue(go.origin().contains("matching <goToolchainHash>"), go.origin());
            assertTrue(
                    server.requests().stream().noneMatch(path -> path.contains("/sumdb/")),
                    server.requests().toString());
        }
    }
}
