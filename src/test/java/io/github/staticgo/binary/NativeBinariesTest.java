package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.staticgo.Tools;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        Files.writeString(dir.resolve("f.c"), "int f(void) { return 1; }\n");
        Files.writeString(dir.resolve("exec.c"), EXEC);
        Tools.run(dir, "gcc", "-o", "exec", "exec.c");
    }

    /**
     * Executes its arguments with execv, which (unlike execvp and the JDK's process launcher)
     * does not fall back to running a file the kernel refuses as a shell script, and prints
     * the kernel's error when there is one.
     */
    private static final String EXEC = """
            #include <errno.h>
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            int main(int argc, char **argv) {
                execv(argv[1], argv + 1);
                printf("execv: %s\\n", strerror(errno));
                return 0;
            }
            """;

    /** What the kernel makes of {@code file}: its output when it runs, or execv's error. */
    private static String execute(Path file) {
        return Tools.run(dir, dir.resolve("exec").toString(), file.toString()).strip();
    }

    /** Overwrites bytes of {@code file} at {@code offset}, as a little-endian ELF64 field. */
    private static void patch(Path file, long offset, ByteBuffer value) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(value.flip(), offset);
        }
    }

    private static ByteBuffer littleEndian(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A field of {@code readelf -h}, such as {@code Number of program headers}. */
    private static String readelfHeader(Path file, String field) {
        for (String line : Tools.run(dir, "readelf", "-hW", file.toString()).split("\n")) {
            if (line.strip().startsWith(field + ":")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return fail("readelf -h prints no " + field + " for " + file);
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

    /**
     * The kernel loads an executable from its program headers and refuses one without
     * (binfmt_elf: e_phnum below 1 is ENOEXEC), so the analyzer has no linkage to report.
     */
    @Test
    void executableWithoutProgramHeadersIsRefusedByTheKernelAndHasNoLinkage() throws Exception {
        Path file = dir.resolve("no-phdrs");
        BinaryReport before = build("no-phdrs", "gcc", "-static", "-o", "no-phdrs", "hello.c");
        assertEquals("hello", execute(file));
        assertEquals(
                Long.parseLong(readelfHeader(file, "Number of program headers")),
                before.elf().programHeaders());
        patch(file, 56, littleEndian(2).putShort((short) 0)); // e_phnum of ELF64
        assertEquals("0", readelfHeader(file, "Number of program headers"));
        assertEquals("execv: Exec format error", execute(file));
        BinaryReport report = analyzer.analyze(file);
        assertNull(report.linkage());
        assertEquals(0, report.elf().programHeaders());
        assertEquals("EXEC", report.elf().typeName());
    }

    @Test
    void relocatableObjectHasNoProgramHeadersAndNoLinkage() throws Exception {
        Path file = dir.resolve("hello.o");
        BinaryReport report = build("hello.o", "gcc", "-c", "-o", "hello.o", "hello.c");
        assertEquals("0", readelfHeader(file, "Number of program headers"));
        assertTrue(readelfHeader(file, "Type").startsWith("REL "), readelfHeader(file, "Type"));
        assertNull(report.linkage());
        assertEquals("REL", report.elf().typeName());
        assertEquals(0, report.elf().programHeaders());
        assertTrue(report.elf().sectionHeaders());
        assertEquals(goarch, report.goarch());
    }

    /**
     * OpenBSD links static PIEs without DF_1_PIE. gcc's static PIE with the bit cleared in its
     * DT_FLAGS_1 (found through readelf's DYNAMIC segment) is the same file: the kernel still runs
     * it, and it is still a static PIE.
     */
    @Test
    void staticPieWithoutDf1PieIsStillStaticPie() throws Exception {
        Path file = dir.resolve("spie-unflagged");
        build("spie-unflagged", "gcc", "-static-pie", "-o", "spie-unflagged", "hello.c");
        long dynamic = -1;
        for (String line : Tools.run(dir, "readelf", "-lW", file.toString()).split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields[0].equals("DYNAMIC")) {
                dynamic = Long.decode(fields[1]);
            }
        }
        ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int at = (int) dynamic; content.getLong(at) != 0; at += 16) { // Elf64_Dyn {d_tag, d_val} up to DT_NULL
            if (content.getLong(at) == 0x6ffffffbL) { // DT_FLAGS_1
                patch(file, at + 8, littleEndian(8).putLong(content.getLong(at + 8) & ~0x08000000L)); // DF_1_PIE
                patched = true;
            }
        }
        assertTrue(patched, "gcc -static-pie writes DT_FLAGS_1");
        String flags = Tools.run(dir, "readelf", "-dW", file.toString())
                .lines()
                .filter(l -> l.contains("(FLAGS_1)"))
                .findFirst()
                .orElse("");
        assertFalse(flags.contains("PIE"), flags);
        assertEquals("hello", execute(file));
        BinaryReport report = analyzer.analyze(file);
        assertEquals(Linkage.STATIC_PIE, report.linkage());
        assertTrue(report.elf().pie());
        assertNull(report.interpreter());
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
        BinaryReport report = build(
                "libhello.so",
                "gcc",
                "-shared",
                "-fPIC",
                "-Wl,-soname,libhello.so.1",
                "-Wl,-rpath,/opt/fixture/lib",
                "-o",
                "libhello.so",
                "hello.c");
        assertEquals(Linkage.SHARED_LIBRARY, report.linkage());
        assertEquals("shared-library", report.linkage().jsonName());
        assertEquals("libhello.so.1", report.elf().soname());
        assertEquals("/opt/fixture/lib", report.elf().runpath());
        assertTrue(report.needed().contains("libc.so.6"), report.needed().toString());
        assertNull(report.interpreter());
        assertFalse(report.elf().pie());
    }

    /**
     * Without DF_1_PIE, libraries stay libraries: one without a soname, and one that needs no
     * library either and whose e_entry (0, as readelf shows) lies in no executable segment.
     */
    @Test
    void sharedLibrariesWithoutSonameOrNeededAreSharedLibraries() throws Exception {
        BinaryReport plain = build("libplain.so", "gcc", "-shared", "-fPIC", "-o", "libplain.so", "hello.c");
        assertEquals(Linkage.SHARED_LIBRARY, plain.linkage());
        assertNull(plain.elf().soname());
        BinaryReport bare = build("libbare.so", "gcc", "-shared", "-fPIC", "-nostdlib", "-o", "libbare.so", "f.c");
        assertEquals("0x0", readelfHeader(dir.resolve("libbare.so"), "Entry point address"));
        assertEquals(Linkage.SHARED_LIBRARY, bare.linkage());
        assertEquals(List.of(), bare.needed());
        assertNull(bare.elf().soname());
        assertFalse(bare.elf().pie());
    }

    @Test
    void strippedGccBinaryHasNoSymbolTable() throws Exception {
        BinaryReport report = build("dyn-stripped", "gcc", "-s", "-o", "dyn-stripped", "hello.c");
        assertTrue(report.stripped());
        assertEquals(Linkage.DYNAMIC, report.linkage());
    }
}
