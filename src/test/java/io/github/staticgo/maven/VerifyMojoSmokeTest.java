package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.staticgo.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code <smoke>} read by Maven's configurator from a pom (its {@code <targets><target>} once came out as
 * a build {@code Target}) and run over real amd64 and arm64 binaries.
 */
@MojoTest
class VerifyMojoSmokeTest {
    private static final String PROJECT = "target/test-classes/unit/verify-smoke";
    private static final Path BASE = Path.of(PROJECT).toAbsolutePath();

    @BeforeAll
    static void binaries() throws Exception {
        Path module = Tools.goModule(BASE.resolve("target/module"), """
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func main() { fmt.Printf("wired %s/%s\\n", runtime.GOOS, runtime.GOARCH) }
                """);
        for (String goarch : new String[] {"amd64", "arm64"}) {
            Tools.run(
                    module,
                    Map.of("GOOS", "linux", "GOARCH", goarch, "CGO_ENABLED", "0"),
                    "go",
                    "build",
                    "-o",
                    BASE.resolve("target/bin/app-" + goarch).toString(),
                    ".");
        }
    }

    private static JsonElement smoke(int binary) throws Exception {
        return JsonParser.parseString(Files.readString(BASE.resolve("target/verify-report.json")))
                .getAsJsonObject()
                .getAsJsonArray("binaries")
                .get(binary)
                .getAsJsonObject()
                .get("smoke");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "verify", pom = "pom.xml")
    void globalAndPerPlatformSettingsReachTheRun(VerifyMojo mojo) throws Exception {
        mojo.execute();
        assertEquals("passed", smoke(0).getAsJsonObject().get("result").getAsString());
        assertEquals(
                "wired linux/amd64",
                smoke(0).getAsJsonObject().getAsJsonArray("output").get(0).getAsString());
        assertEquals(
                "passed",
                smoke(1).getAsJsonObject().get("result").getAsString(),
                "qemu-user-static is needed: " + smoke(1));
        assertEquals(
                "wired linux/arm64",
                smoke(1).getAsJsonObject().getAsJsonArray("output").get(0).getAsString());
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "verify", pom = "pom.xml")
    @MojoParameter(name = "skipSmoke", value = "true")
    void skipSmokeOnlySkipsTheRun(VerifyMojo mojo) throws Exception {
        mojo.execute();
        assertTrue(smoke(0).isJsonNull());
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "verify", pom = "pom.xml")
    @MojoParameter(name = "smokeDirectory", value = "/proc/no-such-dir")
    void aRunThatCannotHappenFailsTheGoalNotTheJvm(VerifyMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(
                failure.getMessage().contains("the empty root could not be made in /proc/no-such-dir"),
                failure.getMessage());
        assertFalse(Files.exists(Path.of("/proc/no-such-dir")));
    }
}
