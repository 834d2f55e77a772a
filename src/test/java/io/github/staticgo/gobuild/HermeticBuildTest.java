package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing but the pom changes a binary: not a go env file, not {@code go env -w}, not the caller's
 * environment. Each variant of the same build must give the bytes of the plain one, and {@code go version -m}
 * must show Go's default variant and none of the stray settings.
 */
class HermeticBuildTest {
    /** With the tag "evil" the program prints something else, so a tag that gets through changes the bytes. */
    private static final String EVIL = "//go:build evil\n\npackage main\n\nfunc init() { version = \"evil\" }\n";

    @TempDir
    Path dir;

    private Path module() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        Files.writeString(module.resolve("evil.go"), EVIL);
        return module;
    }

    /** Builds linux/amd64 with the caller environment {@code env} into {@code work} and returns the binary. */
    private Path build(String work, Path module, Map<String, String> env) throws Exception {
        Path workDirectory = dir.resolve(work);
        TestBuilds.run(TestBuilds.configuration(
                workDirectory,
                module,
                List.of("linux/amd64"),
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                null,
                null,
                1,
                false,
                env));
        return workDirectory.resolve("out/hello-linux-amd64");
    }

    private static Map<String, String> callerWith(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extra);
        return env;
    }

    @Test
    void aGoEnvFileGoEnvWAndTheCallersEnvironmentLeaveTheBinaryAsThePomSaysIt() throws Exception {
        Path module = module();
        Path emptyEnvFile = Files.writeString(dir.resolve("empty.env"), "");
        Path plain = build("plain", module, callerWith(Map.of("GOENV", emptyEnvFile.toString())));

        // A go env file written by hand, as a CI image might ship it.
        Path handWritten = Files.writeString(
                dir.resolve("hand.env"), "GOFLAGS=-tags=evil\nGOAMD64=v3\nGOEXPERIMENT=nodwarf5\nCGO_ENABLED=1\n");
        Path fromFile = build("file", module, callerWith(Map.of("GOENV", handWritten.toString())));

        // The same through go env -w, into a go env file of its own.
        Path written = dir.resolve("written.env");
        Tools.run(module, Map.of("GOENV", written.toString()), "go", "env", "-w", "GOFLAGS=-tags=evil", "GOAMD64=v3");
        assertTrue(Files.readString(written).contains("GOAMD64=v3"), "go env -w wrote the file");
        Path fromGoEnvW = build("env-w", module, callerWith(Map.of("GOENV", written.toString())));

        // And the caller's own variables.
        Path fromCaller = build(
                "caller",
                module,
                callerWith(Map.of(
                        "GOENV",
                        emptyEnvFile.toString(),
                        "GOFLAGS",
                        "-tags=evil",
                        "GOAMD64",
                        "v3",
                        "GOEXPERIMENT",
                        "nodwarf5")));

        String expected = FileDigest.sha256(plain);
        assertEquals(expected, FileDigest.sha256(fromFile), "a go env file changed the binary");
        assertEquals(expected, FileDigest.sha256(fromGoEnvW), "go env -w changed the binary");
        assertEquals(expected, FileDigest.sha256(fromCaller), "the caller's environment changed the binary");

        String buildInfo = Tools.run(module, "go", "version", "-m", plain.toString());
        assertTrue(buildInfo.contains("GOAMD64=v1"), "Go's default variant, set explicitly:\n" + buildInfo);
        assertFalse(buildInfo.contains("evil"), buildInfo);
        assertFalse(buildInfo.contains("GOEXPERIMENT"), buildInfo);
        assertEquals("hello dev", Tools.run(module, plain.toString()).trim());
    }

    @Test
    void whereModulesComeFromStillFollowsTheGoEnvFile() throws Exception {
        Path module = module();
        Path envFile = Files.writeString(dir.resolve("proxy.env"), "GOPROXY=off\nGOFLAGS=-tags=evil\n");
        BuildManifest manifest = TestBuilds.run(TestBuilds.configuration(
                dir.resolve("work"),
                module,
                List.of("linux/amd64"),
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                null,
                null,
                1,
                false,
                callerWith(Map.of("GOENV", envFile.toString()))));
        assertEquals("v1", manifest.binaries().get(0).builtVariant());

        // go itself, asked with the environment the plugin gives it, sees the proxy but not the flags, and
        // no env file at all (go env GOENV prints nothing under GOENV=off).
        io.github.staticgo.toolchain.GoToolchain go = io.github.staticgo.toolchain.GoToolchain.locate(
                new io.github.staticgo.toolchain.GoToolchainRequest(
                        null, null, false, module, callerWith(Map.of("GOENV", envFile.toString()))),
                new io.github.staticgo.process.ProcessRunner());
        assertEquals(
                List.of("off", "", ""),
                List.of(go.query("env", "GOPROXY", "GOFLAGS", "GOENV").split("\n", -1)));
    }
}
