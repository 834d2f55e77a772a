package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.toolchain.ToolchainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How locating go decides to provision, and what release, against the 127.0.0.1 proxy and database. */
class LocateProvisionedGoTest {
    @TempDir
    Path dir;

    private GoToolchainRequest request(ChecksumProxyServer server, String goVersion, ProvisionMode mode) {
        ProvisionRequest provision = ProvisionRequest.builder(null, dir.resolve("cache"))
                .host("linux", "amd64")
                .moduleProxy(server.url())
                .checksumDatabase(server.verifierKey)
                .build();
        return new GoToolchainRequest(
                        null, goVersion, false, dir.resolve("module"), System.getenv(), Duration.ofMinutes(1))
                .withProvisioning(new Provisioning(mode, provision));
    }

    private void goMod(String lines) throws Exception {
        Files.createDirectories(dir.resolve("module"));
        Files.writeString(dir.resolve("module/go.mod"), "module example.test/m\n\n" + lines);
    }

    @Test
    void withoutGoVersionProvisionsTheNewerOfGoModsGoAndToolchainLinesAndRunsItLocal() throws Exception {
        goMod("go 1.99\n\ntoolchain go1.99.1\n");
        ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        try (ChecksumProxyServer server = ChecksumProxyServer.start(dir.resolve("zips"), dir.resolve("server"))) {
            GoToolchain go = GoToolchain.locate(
                    request(server, null, ProvisionMode.ALWAYS), new ProcessRunner(), BuildLog.silent());

            assertEquals(dir.resolve("cache/go1.99.1.linux-amd64/bin/go"), go.executable());
            assertEquals("go1.99.1", go.version().text());
            assertEquals(
                    "local",
                    go.command(List.of("version"), Map.of(), Duration.ofSeconds(5))
                            .environment()
                            .get("GOTOOLCHAIN"));
            assertTrue(go.describe().contains("provisioned from " + server.url()), go.describe());
        }
    }

    @Test
    void aGoVersionOlderThanGoModIsOneMessage() throws Exception {
        goMod("go 1.99.2\n");
        try (ChecksumProxyServer server =
                ChecksumProxyServer.start(Files.createDirectories(dir.resolve("zips")), dir.resolve("server"))) {
            ToolchainException refused = assertThrows(
                    ToolchainException.class,
                    () -> GoToolchain.locate(
                            request(server, "1.99.1", ProvisionMode.ALWAYS), new ProcessRunner(), BuildLog.silent()));

            assertTrue(
                    refused.getMessage().startsWith("<goVersion> 1.99.1 is older than the Go 1.99.2 that "),
                    refused.getMessage());
            assertEquals(List.of(), server.requests());
        }
    }

    @Test
    void autoUsesTheInstalledGo() throws Exception {
        goMod("go 1.21\n");
        try (ChecksumProxyServer server =
                ChecksumProxyServer.start(Files.createDirectories(dir.resolve("zips")), dir.resolve("server"))) {
            GoToolchain go = GoToolchain.locate(
                    request(server, null, ProvisionMode.AUTO), new ProcessRunner(), BuildLog.silent());

            assertTrue(!go.executable().startsWith(dir), go.executable().toString());
            assertEquals(List.of(), server.requests());
        }
    }
}
