package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.verify.ExpectedBinary;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import io.github.staticgo.verify.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build goal makes, the verify goal passes: every kind of target, as go builds it with no special flags. */
class BuildThenVerifyTest {
    @TempDir
    Path dir;

    @Test
    void everyTargetTheBuildMakesPassesVerify() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), TestBuilds.HELLO);
        List<String> targets = List.of(
                "linux/amd64",
                "linux/arm/6",
                "linux/386",
                "windows/amd64",
                "windows/arm64",
                "darwin/arm64",
                "js/wasm",
                "wasip1/wasm");
        TestBuilds.run(TestBuilds.configuration(
                dir, module, targets, TestBuilds.settings(null, Duration.ofMinutes(5)), null, null, 2, false));
        Path out = dir.resolve("out");

        VerifyReport report = StaticGoVerify.verify(
                StaticGoVerify.fromManifest(out), VerifyPolicy.DEFAULTS, false, out.resolve("verify-report.json"));
        assertTrue(report.ok(), report.failureMessage());
        assertEquals(targets.size(), report.entries().size());

        // The wasm files are what the WebAssembly specification's magic and version say.
        for (String name : List.of("hello-js-wasm", "hello-wasip1-wasm")) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve(name)), 8);
            assertEquals(List.of(0, (int) 'a', (int) 's', (int) 'm', 1, 0, 0, 0), toList(head), name);
            VerifyReport.Entry entry = report.entries().stream()
                    .filter(e -> e.file().endsWith(name))
                    .findFirst()
                    .orElseThrow();
            assertEquals("wasm", entry.format());
            assertEquals(null, entry.stripped(), "not known from a wasm file");
        }

        // A js module listed for wasip1 is the wrong file, and verify says so.
        VerifyReport swapped = StaticGoVerify.verify(
                List.of(new ExpectedBinary(out.resolve("hello-js-wasm"), "wasip1", "wasm", null, CgoMode.OFF)),
                VerifyPolicy.DEFAULTS,
                false,
                dir.resolve("swapped.json"));
        assertEquals(
                List.of("is a WebAssembly module for js (by the host functions it imports), not wasip1"),
                swapped.entries().get(0).problems());
    }

    private static List<Integer> toList(byte[] bytes) {
        List<Integer> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add((int) b);
        }
        return list;
    }
}
