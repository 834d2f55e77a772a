package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import io.github.staticgo.toolchain.provision.ChecksumProxyServer;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Mirror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settings.xml {@code <mirror>} of {@code go-proxy} replaces the module proxy list the toolchain is
 * provisioned through: the Mojo, configured by Maven, given a session whose settings hold the mirror, with
 * the pom's {@code <goProxy>} unreachable; the mirror is the 127.0.0.1 module proxy and checksum database.
 */
@MojoTest
class GoProxyMirrorTest {
    private static final String PROJECT = "target/test-classes/unit/build-targets";

    @TempDir
    Path dir;

    /** Sets the mojo to provision go1.99.1 through an unreachable {@code <goProxy>}, with settings mirroring {@code mirrorOf}. */
    private void provisionWithMirror(BuildMojo mojo, ChecksumProxyServer server, String mirrorOf) {
        // GOSUMDB in the environment wins over <goSumDb>, as go reads it; the test's database has its own key.
        assumeTrue(System.getenv("GOSUMDB") == null, "GOSUMDB is set in the environment");
        mojo.goProvisioning = "always";
        mojo.goVersion = "1.99.1";
        mojo.goProxy = "http://127.0.0.1:9";
        mojo.goSumDb = server.verifierKey;
        mojo.toolchainCache = dir.resolve("cache").toFile();
        Mirror mirror = new Mirror();
        mirror.setId("company-go");
        mirror.setMirrorOf(mirrorOf);
        mirror.setUrl(server.url());
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.addMirror(mirror);
        mojo.session =
                new MavenSession(null, request, new DefaultMavenExecutionResult(), mojo.session.getCurrentProject());
    }

    private static GoToolchain locate(BuildMojo mojo) throws Exception {
        return GoToolchain.locate(mojo.toolchainRequest(), new ProcessRunner(), BuildLog.silent());
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void aGoProxyMirrorIsWhereTheToolchainComesFrom(BuildMojo mojo) throws Exception {
        ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        try (ChecksumProxyServer server = ChecksumProxyServer.start(dir.resolve("zips"), dir.resolve("server"))) {
            provisionWithMirror(mojo, server, "central, go-proxy");

            GoToolchain go = locate(mojo);

            assertEquals(dir.resolve("cache/go1.99.1.linux-amd64/bin/go"), go.executable());
            assertTrue(go.describe().contains("provisioned from " + server.url()), go.describe());
            assertEquals(1, server.zipDownloads(), server.requests().toString());
        }
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void aMirrorOfAnotherRepositoryLeavesTheProxyListAlone(BuildMojo mojo) throws Exception {
        ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        try (ChecksumProxyServer server = ChecksumProxyServer.start(dir.resolve("zips"), dir.resolve("server"))) {
            provisionWithMirror(mojo, server, "central");

            ToolchainException refused = assertThrows(ToolchainException.class, () -> locate(mojo));

            assertTrue(refused.getMessage().contains("http://127.0.0.1:9"), refused.getMessage());
            assertEquals(0, server.zipDownloads(), server.requests().toString());
        }
    }
}
