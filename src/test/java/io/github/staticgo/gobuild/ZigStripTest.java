package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import io.github.staticgo.platform.TargetDeclaration;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import io.github.staticgo.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zig cc (from PyPI's ziglang) drops the -s go hands it, so a cgo binary keeps its symbol table with
 * strip on. The plugin strips musl targets through -Wl,-s, and verify names the others. Whether a file
 * has a symbol table is what readelf -S says.
 */
class ZigStripTest {
    private static final String PROGRAM = """
            package main

            /*
            #include <stdio.h>
            static void hello(void) { puts("hello from C"); }
            */
            import "C"

            func main() { C.hello() }
            """;
    /** A static link for cgo=on, so that only the symbol table is in question. */
    private static final String STATIC = "-linkmode external -extldflags \"-static\"";

    @TempDir
    static Path dir;

    private static String zigCc;

    @BeforeAll
    static void zig() {
        String home = Tools.run(dir, "python3", "-c", "import ziglang, os; print(os.path.dirname(ziglang.__file__))")
                .trim();
        zigCc = home + "/zig cc -target x86_64-linux-musl";
    }

    private static Path build(String name, TargetDeclaration target) throws Exception {
        Path work = dir.resolve(name);
        Path module = Tools.goModule(work.resolve("module"), PROGRAM);
        TestBuilds.run(new BuildConfiguration(
                module,
                List.of(PackageDeclaration.of(".")),
                name,
                name,
                List.of(target),
                "off",
                TestBuilds.settings(null, Duration.ofMinutes(5)),
                new GoToolchainRequest(null, null, false, module, System.getenv()),
                work.resolve("out"),
                null,
                new BuildConfiguration.Execution(work.resolve("state"), "test", 1, false, "default")));
        return work.resolve("out");
    }

    private static boolean hasSymbolTable(Path binary) {
        return Tools.run(dir, "readelf", "-S", "-W", binary.toString()).contains(".symtab");
    }

    private static VerifyReport verify(Path out) throws Exception {
        return StaticGoVerify.verify(
                StaticGoVerify.fromManifest(out), VerifyPolicy.DEFAULTS, false, out.resolve("verify-report.json"));
    }

    @Test
    void aMuslTargetLinkedByZigIsStrippedAndPasses() throws Exception {
        Path out = build("musl", new TargetDeclaration("linux/amd64", "musl", zigCc, null, null, null, null));
        Path binary = out.resolve("musl-linux-amd64");
        assertFalse(hasSymbolTable(binary), "-Wl,-s stripped it");
        assertEquals("hello from C", Tools.run(dir, binary.toString()).trim());
        VerifyReport report = verify(out);
        assertTrue(report.ok(), report.failureMessage());
    }

    @Test
    void aCgoTargetLinkedByZigThatKeepsItsSymbolsIsAFinding() throws Exception {
        Path out = build("zig", new TargetDeclaration("linux/amd64", "on", zigCc, null, STATIC, null, null));
        assertTrue(hasSymbolTable(out.resolve("zig-linux-amd64")), "zig cc ignored -s");
        assertEquals(
                List.of("was linked with -s but keeps its symbol table: the C compiler that linked it ignored -s "
                        + "(zig cc does)"),
                verify(out).entries().get(0).problems());
    }

    @Test
    void theSameCgoTargetLinkedByGccIsStrippedAndPasses() throws Exception {
        Path out = build("gcc", new TargetDeclaration("linux/amd64", "on", null, null, STATIC, null, null));
        assertFalse(hasSymbolTable(out.resolve("gcc-linux-amd64")), "gcc honours -s");
        VerifyReport report = verify(out);
        assertTrue(report.ok(), report.failureMessage());
    }
}
