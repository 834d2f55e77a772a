package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The build Mojo configured from a pom snippet by Maven's own configurator, then run with the real go. */
@MojoTest
class BuildMojoTest {
    /** The copy Maven made in target/, so the build's output stays out of the source tree. */
    private static final String PROJECT = "target/test-classes/unit/build-targets";

    private static final Path BASEDIR = Path.of(PROJECT).toAbsolutePath();

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void readsShortAndLongFormTargets(BuildMojo mojo) throws Exception {
        mojo.execute();
        BuildManifest manifest = BuildManifest.read(BASEDIR.resolve("target/wiring-out"));
        List<BuiltBinary> binaries = manifest.binaries();
        assertEquals(2, binaries.size());
        assertEquals("wired-linux-arm-6", binaries.get(0).file());
        assertEquals("6", binaries.get(0).variant());
        assertEquals("wired-windows-386.exe", binaries.get(1).file());
        assertTrue(binaries.stream().allMatch(b -> b.cgo().equals("off")));
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "targetList", value = "linux/amd46, linux/arm64")
    void theTargetsPropertyReplacesThePomsTargetsAndAMistakeIsOneMessage(BuildMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().startsWith("<targets>: unknown target 'linux/amd46'"), failure.getMessage());
    }

    @Test
    @Basedir("target/test-classes/unit/build-empty-targets")
    @InjectMojo(goal = "build", pom = "pom.xml")
    void anEmptyTargetsElementIsAMistakeNotTheDefaults(BuildMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "<targets>: no target is declared. Add at least one, e.g. <target>linux/amd64</target>.",
                failure.getMessage());
    }
}
