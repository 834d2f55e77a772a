package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latest verified tree head of each checksum database, kept in the toolchain cache, against the
 * heads later lookups bring. The trees are Go's own (x/mod's test server and tlog tiles, in
 * {@link ChecksumProxyServer}), one database restarted with its key kept: grown, forked, or answering
 * with an older head as a proxy's cached lookup would. For each, the real go, its own checksum database
 * client keeping its latest head in its GOPATH, is asked first, and the plugin must judge as go does.
 */
class KeptTreeHeadTest {
    private static final String VERSION = "1.99.1";
    private static final String MODULE_VERSION = "v0.0.1-go" + VERSION + ".linux-amd64";
    /** The test server's tree: 700 filler records and the one toolchain. */
    private static final int BASE_SIZE = 701;

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    /** The database's tree in a later state: the server restarted with the same key and {@code flags}. */
    private ChecksumProxyServer database(String... flags) throws IOException, InterruptedException {
        Path zips = dir.resolve("zips");
        if (!Files.exists(zips)) {
            ChecksumProxyServer.toolchainZip(zips, VERSION);
        }
        List<String> all =
                new ArrayList<>(List.of("-key", dir.resolve("database.key").toString()));
        all.addAll(List.of(flags));
        return ChecksumProxyServer.start(zips, dir.resolve("server-" + System.nanoTime()), all.toArray(String[]::new));
    }

    /** Provisions with nothing of the toolchain cached, so the database is asked; the kept heads stay. */
    private ProvisionedToolchain provision(ChecksumProxyServer server) throws ToolchainException, IOException {
        SafeFiles.deleteTree(cache().resolve("go" + VERSION + ".linux-amd64"));
        return new ToolchainProvisioner(BuildLog.silent())
                .provision(ProvisionRequest.builder(VERSION, cache())
                        .host("linux", "amd64")
                        .moduleProxy(server.url())
                        .checksumDatabase(server.verifierKey)
                        .build());
    }

    private Path keptHead(String database) {
        return cache().resolve("sumdb").resolve(database).resolve("latest");
    }

    /** The tree size in a kept signed note: its second line (the note's text is "go.sum database tree\n<size>\n<hash>\n"). */
    private static long sizeIn(Path note) throws IOException {
        return Long.parseLong(Files.readAllLines(note).get(1));
    }

    /** What the real go says of the toolchain module on the server, keeping its latest head in dir/gopath. */
    private record GoVerdict(int exit, String output) {}

    private GoVerdict goDownloads(ChecksumProxyServer server) throws IOException, InterruptedException {
        String name = server.verifierKey.substring(0, server.verifierKey.indexOf('+'));
        ProcessBuilder builder = new ProcessBuilder(
                        "go", "mod", "download", "-json", "golang.org/toolchain@" + MODULE_VERSION)
                .directory(Files.createDirectories(dir.resolve("go-work")).toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("GOENV", "off");
        builder.environment().put("GOPATH", dir.resolve("gopath").toString());
        builder.environment().put("GOCACHE", dir.resolve("gocache").toString());
        builder.environment().put("GOFLAGS", "-modcacherw");
        builder.environment().put("GOTOOLCHAIN", "local");
        builder.environment().put("GOPROXY", server.url());
        builder.environment().put("GOSUMDB", server.verifierKey + " " + server.url() + "/sumdb/" + name);
        Process go = builder.start();
        byte[] output = go.getInputStream().readAllBytes();
        if (!go.waitFor(2, TimeUnit.MINUTES)) {
            go.destroyForcibly();
        }
        // Its module cache (and the tiles cached there) goes, its kept head stays: the next call asks again.
        SafeFiles.deleteTree(dir.resolve("gopath/pkg/mod"));
        return new GoVerdict(go.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private Path goKeptHead(String database) {
        return dir.resolve("gopath/pkg/sumdb").resolve(database).resolve("latest");
    }

    /** Both go and the plugin accept the server's tree; afterwards both keep the same signed head. */
    private void bothAccept(ChecksumProxyServer server) throws Exception {
        GoVerdict go = goDownloads(server);
        assertEquals(0, go.exit(), go.output());
        provision(server);
        assertArrayEquals(
                Files.readAllBytes(goKeptHead(ChecksumProxyServer.DATABASE_NAME)),
                Files.readAllBytes(keptHead(ChecksumProxyServer.DATABASE_NAME)),
                "the plugin keeps the head go keeps");
    }

    /** Both go and the plugin refuse the server's tree; the plugin in one line, with nothing cached or kept anew. */
    private ToolchainException bothRefuse(ChecksumProxyServer server) throws Exception {
        byte[] keptBefore = Files.readAllBytes(keptHead(ChecksumProxyServer.DATABASE_NAME));
        GoVerdict go = goDownloads(server);
        assertNotEquals(0, go.exit(), go.output());
        assertTrue(go.output().contains("inconsistent") || go.output().contains("SECURITY ERROR"), go.output());

        ToolchainException refused = assertThrows(ToolchainException.class, () -> provision(server));

        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("the checksum database sumdb.test"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Nothing was installed."), refused.getMessage());
        ToolchainProvisionerTest.assertNothingCached(cache());
        assertArrayEquals(keptBefore, Files.readAllBytes(keptHead(ChecksumProxyServer.DATABASE_NAME)));
        return refused;
    }

    @Test
    void aHeadThatGrewConsistentlyReplacesTheKeptOne() throws Exception {
        try (ChecksumProxyServer first = database()) {
            bothAccept(first);
        }
        assertEquals(BASE_SIZE, sizeIn(keptHead(ChecksumProxyServer.DATABASE_NAME)));

        try (ChecksumProxyServer grown = database("-grow", "40")) {
            bothAccept(grown);
            assertTrue(Files.isExecutable(cache().resolve("go" + VERSION + ".linux-amd64/bin/go")));
        }
        assertEquals(BASE_SIZE + 40, sizeIn(keptHead(ChecksumProxyServer.DATABASE_NAME)));
    }

    @Test
    void aTreeOfTheSameSizeWithAnotherHashIsRefused() throws Exception {
        try (ChecksumProxyServer first = database()) {
            bothAccept(first);
        }
        try (ChecksumProxyServer forked = database("-fork")) {
            ToolchainException refused = bothRefuse(forked);
            assertTrue(
                    refused.getMessage()
                            .contains("signed a tree of 701 records other than the tree of 701 records kept in "
                                    + keptHead(ChecksumProxyServer.DATABASE_NAME)
                                            .toAbsolutePath()),
                    refused.getMessage());
        }
    }

    @Test
    void aBiggerTreeThatDoesNotContainTheKeptOneIsRefused() throws Exception {
        try (ChecksumProxyServer first = database()) {
            bothAccept(first);
        }
        try (ChecksumProxyServer forked = database("-fork", "-grow", "40")) {
            ToolchainException refused = bothRefuse(forked);
            assertTrue(
                    refused.getMessage().contains("signed a tree of 741 records that does not contain the tree of 701"),
                    refused.getMessage());
        }
    }

    @Test
    void anOlderConsistentHeadIsAcceptedWithoutReplacingTheKeptOne() throws Exception {
        try (ChecksumProxyServer grown = database("-grow", "40")) {
            bothAccept(grown);
        }
        byte[] kept = Files.readAllBytes(keptHead(ChecksumProxyServer.DATABASE_NAME));
        assertEquals(BASE_SIZE + 40, sizeIn(keptHead(ChecksumProxyServer.DATABASE_NAME)));

        try (ChecksumProxyServer cached = database("-grow", "40", "-stale", Integer.toString(BASE_SIZE))) {
            bothAccept(cached);
            assertTrue(
                    cached.requests().stream().anyMatch(path -> path.endsWith("/tile/8/0/002.p/229")),
                    "the older tree is proven inside the kept one, from the kept tree's edge tile: "
                            + cached.requests());
        }
        assertArrayEquals(kept, Files.readAllBytes(keptHead(ChecksumProxyServer.DATABASE_NAME)));
    }

    @Test
    void anOlderHeadThatIsNotTheStartOfTheKeptTreeIsRefused() throws Exception {
        try (ChecksumProxyServer grown = database("-grow", "40")) {
            bothAccept(grown);
        }
        try (ChecksumProxyServer forked = database("-fork", "-grow", "40", "-stale", Integer.toString(BASE_SIZE))) {
            ToolchainException refused = bothRefuse(forked);
            assertTrue(
                    refused.getMessage()
                            .contains("signed a tree of 701 records that is not the start of the tree of 741"),
                    refused.getMessage());
        }
    }

    /** GOSUMDB moved to another database and back: each keeps its own head, and each is checked against its own. */
    @Test
    void eachDatabaseKeepsItsOwnHead() throws Exception {
        try (ChecksumProxyServer first = database()) {
            bothAccept(first);
        }
        try (ChecksumProxyServer other = ChecksumProxyServer.start(
                dir.resolve("zips"),
                dir.resolve("other"),
                "-name",
                "other.test",
                "-grow",
                "5",
                "-key",
                dir.resolve("other.key").toString())) {
            provision(other);
        }
        assertEquals(BASE_SIZE + 5, sizeIn(keptHead("other.test")));
        assertEquals(BASE_SIZE, sizeIn(keptHead(ChecksumProxyServer.DATABASE_NAME)));

        try (ChecksumProxyServer grown = database("-grow", "3")) {
            bothAccept(grown);
        }
        assertEquals(BASE_SIZE + 3, sizeIn(keptHead(ChecksumProxyServer.DATABASE_NAME)));
        try (ChecksumProxyServer forked = database("-fork", "-grow", "3")) {
            bothRefuse(forked);
        }
        assertEquals(BASE_SIZE + 5, sizeIn(keptHead("other.test")));
    }

    /** A note name may hold '/', a directory name may not: such a database is refused before any request. */
    @Test
    void aDatabaseNameThatIsNoHostNameIsRefused() throws Exception {
        try (ChecksumProxyServer escaping = ChecksumProxyServer.start(
                Files.createDirectories(dir.resolve("zips")), dir.resolve("escaping"), "-name", "../escape.test")) {
            ToolchainException refused = assertThrows(ToolchainException.class, () -> provision(escaping));

            assertEquals(
                    "<goSumDb>/GOSUMDB: the checksum database name '../escape.test' is not a host name, so its latest"
                            + " tree head cannot be kept in the toolchain cache.",
                    refused.getMessage());
            assertEquals(List.of(), escaping.requests());
            assertFalse(Files.exists(cache().resolve("escape.test")));
        }
    }
}
