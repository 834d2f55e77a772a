package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The test Mojo configured by Maven's configurator from a pom, then run with the real go. */
@MojoTest
class TestMojoTest {
    private static final String PROJECT = "target/test-classes/unit/test-goal";
    private static final Path REPORT =
            Path.of(PROJECT).toAbsolutePath().resolve("target/wiring-reports/TEST-example.com.wiring.calc.xml");

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "test", pom = "pom.xml")
    void theSharedTagsReachGoTestAndAFailureFailsTheBuild(TestMojo mojo) throws Exception {
        Files.deleteIfExists(REPORT);
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("example.com/wiring/calc TestFailsWhenTagged"), failure.getMessage());
        assertTrue(Files.readString(REPORT).contains("name=\"TestFailsWhenTagged\""));
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "test", pom = "pom.xml")
    @MojoParameter(name = "testFailureIgnore", value = "true")
    void failureIgnoreOnlyWarns(TestMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "test", pom = "pom.xml")
    @MojoParameter(name = "test", value = "TestPasses")
    void theTestParameterSelects(TestMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.readString(REPORT).contains("TestFailsWhenTagged"));
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "test", pom = "pom.xml")
    @MojoParameter(name = "skipTests", value = "true")
    void skipTestsRunsNothing(TestMojo mojo) throws Exception {
        Files.deleteIfExists(REPORT);
        mojo.execute();
        assertFalse(Files.exists(REPORT));
    }
}
