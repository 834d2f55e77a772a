package io.github.staticgo.binary;

import io.github.staticgo.Tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C programs linked every way that matters, with gcc (glibc) and musl-gcc, built at test time.
 * The expected interpreter paths are the ones the x86-64 and AArch64 psABIs, glibc and musl fix.
 */
class NativeBinariesTest {

    @TempDir
    static Path dir;

    private static String goarch;
    private static String glibcInterpreter;
    private static String muslInterpreter;

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    @BeforeAll
    static void hostToolchain() throws Exception {
        switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> {
                goarch = "amd64";
                glibcInterpreter = "/lib64/ld-linux-x86-64.so.2";
                muslInterpreter = "/lib/ld-musl-x86_64.so.1";
            }
            case "aarch64" -> {
                goarch = "arm64";
                glibcInterpreter = "/lib/ld-linux-aarch64.so.1";
                muslInterpreter = "/lib/ld-musl-aarch64.so.1";
            }
            default -> fail("no expectations for host architecture " + System.getProperty("os.arch"));
        }
        Files.writeString(dir.resolve("hello.c"), Tools.C_HELLO);
    }

    private BinaryReport build(String name, String... command) throws Exception {
        Tools.run(dir, command);
        return analyzer.analyze(dir.resolve(name));
    }

    @Test
    void gccDynamicNeedsTheGlibcLoaderAndLibc() throws Exception {
        BinaryReport report = build("dyn", "gcc", "-o", "dyn", "hello.c");
        assertEquals(Linkage.DYNAMIC, report.linkage());
        assertEquals(glibcInterpreter, report.interpreter());
        assertTrue(report.needed().contains("libc.so.6"), report.needed().toString());
        assertEquals(goarch, report.goarch());
        assertEquals("linux", report.goos(), "glibc's crt1.o carries the GNU ABI tag note");
        assertNull(report.goBuildInfo());
        assertFalse(report.stripped());
        assertFalse(report.glibcNss(), "NSS in a dynamic binary comes with libc.so, not inside the file");
    }

    @Test
    void gccStaticIsStaticWithoutNss() throws Exception {
        BinaryReport report = build("static", "gcc", "-static", "-o", "static", "hello.c");
        assertEquals(Linkage.STATIC, report.linkage());
        assertNull(report.interpreter());
        assertEquals(List.of(), report.needed());
        assertEquals("EXEC", report.elf().typeName());
        assertFalse(report.glibcNss());
        assertTrue(report.gnuBuildId() != null && report.gnuBuildId().matches("[0-9a-f]{40}"), report.gnuBuildId());
    }

    @Test
    void gccStaticPieIsStaticPie() throws Exception {
        BinaryReport report = build("spie", "gcc", "-static-pie", "-o", "spie", "hello.c");
        assertEquals(Linkage.STATIC_PIE, report.linkage());
        assertEquals("static-pie", report.linkage().jsonName());
        assertNull(report.interpreter());
        assertEquals(List.of(), report.needed());
        assertEquals("DYN", report.elf().typeName());
        assertTrue(report.elf().pie());
    }

    @Test
    void muslStaticIsStatic() throws Exception {
        BinaryReport report = build("musl-static", "musl-gcc", "-static", "-o", "musl-static", "hello.c");
        assertEquals(Linkage.STATIC, report.linkage());
        assertNull(report.interpreter());
        assertFalse(report.glibcNss());
        assertEquals(goarch, report.goarch());
    }

    @Test
    void muslDynamicNeedsTheMuslLoader() throws Exception {
        BinaryReport report = build("musl-dyn", "musl-gcc", "-o", "musl-dyn", "hello.c");
        assertEquals(Linkage.DYNAMIC, report.linkage());
        assertEquals(muslInterpreter, report.interpreter());
        assertFalse(report.needed().isEmpty());
    }

    @Test
    void sharedLibraryIsASharedLibrary() throws Exception {
        BinaryReport report = build("libhello.so", "gcc", "-shared", "-fPIC", "-Wl,-soname,libhello.so.1",
                "-Wl,-rpath,/opt/fixture/lib", "-o", "libhello.so", "hello.c");
        assertEquals(Linkage.SHARED_LIBRARY, report.linkage());
        assertEquals("shared-library", report.linkage().jsonName());
        assertEquals("libhello.so.1", report.elf().soname());
        assertEquals("/opt/fixture/lib", report.elf().runpath());
        assertTrue(report.needed().contains("libc.so.6"), report.needed().toString());
        assertNull(report.interpreter());
        assertFalse(report.elf().pie());
    }

    @Test
    void strippedGccBinaryHasNoSymbolTable() throws Exception {
        BinaryReport report = build("dyn-stripped", "gcc", "-s", "-o", "dyn-stripped", "hello.c");
        assertTrue(report.stripped());
        assertEquals(Linkage.DYNAMIC, report.linkage());
    }
}
