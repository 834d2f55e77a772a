package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one project at once, each in a JVM of its own as two Maven runs would be, with other
 * link flags so that each rebuilds every binary: after every round build.json matches the files.
 */
class ConcurrentBuildsTest {
    private static final int ROUNDS = 20;
    private static final List<String> TARGETS = List.of("linux/amd64", "linux/arm64");

    @TempDir
    Path dir;

    private Process buildInItsOwnJvm(Path module, String ldflags, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BuildOnce.class.getName(),
                dir.toString(),
                module.toString(),
                ldflags));
        command.addAll(TARGETS);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    @Test
    void twoBuildsAtOnceLeaveAManifestThatMatchesEveryFile() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        Path out = dir.resolve("out");
        int waited = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Path logA = dir.resolve("a.log");
            Path logB = dir.resolve("b.log");
            Process a = buildInItsOwnJvm(module, "-X main.version=a" + round, logA);
            Process b = buildInItsOwnJvm(module, "-X main.version=b" + round, logB);
            assertTrue(a.waitFor(3, TimeUnit.MINUTES) && b.waitFor(3, TimeUnit.MINUTES), "round " + round);
            assertEquals(0, a.exitValue(), Files.readString(logA));
            assertEquals(0, b.exitValue(), Files.readString(logB));
            for (Path log : List.of(logA, logB)) {
                waited += Files.readString(log).contains("Waiting for another build of this output directory") ? 1 : 0;
            }

            BuildManifest manifest = BuildManifest.read(out);
            assertEquals(TARGETS.size(), manifest.binaries().size());
            for (BuiltBinary binary : manifest.binaries()) {
                assertEquals(
                        FileDigest.sha256(out.resolve(binary.file())),
                        binary.sha256(),
                        "round " + round + ": " + binary.file() + " is not what build.json says");
            }
        }
        System.out.println(waited + " of " + 2 * ROUNDS + " builds waited for the other one's lock");
    }
}
