package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.toolchain.GoToolchainRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several build executions of one project share build.json: each replaces only its own binaries. */
class SeveralExecutionsTest {
    @TempDir
    Path dir;

    private BuildManifest build(Path module, String execution, String binaryName, List<String> targets)
            throws Exception {
        return TestBuilds.run(new BuildConfiguration(
                module,
                List.of(PackageDeclaration.of(".")),
                binaryName,
                "hello",
                targets.stream().map(TargetDeclaration::of).toList(),
                "off",
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                new GoToolchainRequest(null, null, false, module, System.getenv()),
                dir.resolve("out"),
                null,
                new BuildConfiguration.Execution(dir.resolve("state"), "test", 2, false, execution)));
    }

    /** What build.json on disk lists: file and execution of each binary, in order. */
    private List<String> listed() throws Exception {
        return BuildManifest.read(dir.resolve("out")).binaries().stream()
                .map(binary -> binary.file() + " " + binary.execution())
                .toList();
    }

    @Test
    void eachExecutionAddsItsBinariesAndReplacesOnlyItsOwn() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        BuildManifest first = build(module, "server", "server", List.of("linux/amd64", "linux/arm64"));
        BuildManifest second = build(module, "agent", "agent", List.of("linux/amd64"));

        assertEquals(
                List.of("server-linux-amd64", "server-linux-arm64"),
                first.binaries().stream().map(BuiltBinary::file).toList(),
                "the first run returns its own");
        assertEquals(
                List.of("agent-linux-amd64"),
                second.binaries().stream().map(BuiltBinary::file).toList(),
                "the second run returns (and attaches) only its own");
        assertEquals(
                List.of("server-linux-amd64 server", "server-linux-arm64 server", "agent-linux-amd64 agent"), listed());

        // The first execution drops linux/arm64: its entry goes, the file stays as a leftover nobody lists.
        build(module, "server", "server", List.of("linux/amd64"));
        assertEquals(List.of("agent-linux-amd64 agent", "server-linux-amd64 server"), listed());
        for (BuiltBinary binary : BuildManifest.read(dir.resolve("out")).binaries()) {
            assertEquals(
                    FileDigest.sha256(dir.resolve("out").resolve(binary.file())),
                    binary.sha256(),
                    "every entry describes the file on disk");
        }
        assertEquals(true, Files.exists(dir.resolve("out/server-linux-arm64")));
    }

    @Test
    void anExecutionThatWritesAnotherExecutionsFileTakesItsEntryOver() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        build(module, "one", "same", List.of("linux/amd64"));
        build(module, "two", "same", List.of("linux/amd64"));
        assertEquals(List.of("same-linux-amd64 two"), listed());
    }
}
