package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.staticgo.SafeFiles;
import io.github.staticgo.Tools;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.provision.ChecksumProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify installs govulncheck with the go the build runs: with provisioning on, the provisioned one (from
 * the 127.0.0.1 module proxy and checksum database), not the go installed on the machine.
 */
@MojoTest
class VerifyGovulncheckGoTest {
    private static final String PROJECT = "target/test-classes/unit/verify-smoke";
    /** toolsDirectory, which Maven's configurator resolves against the project's base directory. */
    private static final Path TOOLS =
            Path.of(PROJECT, "target/verify-govulncheck-tools").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "verify", pom = "pom.xml")
    @MojoParameter(name = "toolsDirectory", value = "target/verify-govulncheck-tools")
    void govulncheckIsInstalledWithTheProvisionedGo(VerifyMojo mojo) throws Exception {
        // GOSUMDB in the environment wins over <goSumDb>, as go reads it; the test's database has its own key.
        assumeTrue(System.getenv("GOSUMDB") == null, "GOSUMDB is set in the environment");
        SafeFiles.deleteTree(TOOLS);
        ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        try (ChecksumProxyServer server = ChecksumProxyServer.start(dir.resolve("zips"), dir.resolve("server"))) {
            mojo.goProvisioning = "always";
            mojo.goVersion = "1.99.1";
            mojo.goProxy = server.url();
            mojo.goSumDb = server.verifierKey;
            mojo.toolchainCache = dir.resolve("cache").toFile();

            Path govulncheck = mojo.installedGovulncheck("v1.1.4", Duration.ofMinutes(1), new ProcessRunner());

            // The stand-in the provisioned toolchain's go double writes on go install names that go.
            assertEquals(
                    "installed by " + dir.resolve("cache/go1.99.1.linux-amd64/bin/go"),
                    Tools.run(dir, govulncheck.toString()).trim());
            assertEquals(TOOLS.resolve("govulncheck/v1.1.4/govulncheck"), govulncheck);
            assertEquals(1, server.zipDownloads(), server.requests().toString());
        } finally {
            SafeFiles.deleteTree(TOOLS);
        }
    }
}
