package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made by hand for what no toolchain here produces: UPX's layout, PN_XNUM, x32, Go build
 * info in the pre-1.18 pointer format, and headers that lie in every way the issue lists.
 */
class CraftedBinariesTest {

    private static final int EM_X86_64 = 62;
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;

    @TempDir
    Path dir;

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "crafted", ""), content);
    }

    private BinaryReport analyze(byte[] content) throws Exception {
        return analyzer.analyze(write(content));
    }

    private MalformedBinaryException malformed(byte[] content) throws IOException {
        Path file = write(content);
        return assertThrows(MalformedBinaryException.class, () -> analyzer.analyze(file));
    }

    /** A static ELF64 x86-64 executable: header, one PT_LOAD over the whole file. */
    private static ElfImage minimalStatic(int size) {
        return ElfImage.elf64(size)
                .header(ET_EXEC, EM_X86_64, 64, 1, 0, 0, 0)
                .phdr(0, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x400000, size, size);
    }

    // --- UPX -------------------------------------------------------------------------------------

    /**
     * Crafted, not packed: UPX is not installed here. The layout is UPX's own for Linux ELF
     * (src/p_lx_elf.cpp, src/stub/src/include/linux.h): no section headers; right after the
     * program headers the {@code l_info} block (checksum, magic {@code "UPX!"}, loader size,
     * version, format), then {@code p_info}; and a {@code PackHeader} starting {@code "UPX!"} near
     * the end of the file.
     */
    private static ElfImage upxLike(boolean magic) {
        int size = 8192;
        ElfImage image = ElfImage.elf64(size)
                .header(ET_EXEC, EM_X86_64, 64, 2, 0, 0, 0)
                .phdr(0, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x400000, size, size)
                .phdr(1, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_W, 0, 0x600000, 0, 0x1000);
        int lInfo = 64 + 2 * 56;
        ByteBuffer info = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        info.putInt(0x12345678)
                .put((magic ? "UPX!" : "ABC!").getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 0x1000)
                .put((byte) 13)
                .put((byte) 22) // l_version 13, UPX_F_LINUX_ELF64_AMD
                .putInt(0)
                .putInt(size * 3)
                .putInt(size * 3); // p_info: progid, filesize, blocksize
        image.bytes(lInfo, info.array());
        if (magic) {
            image.ascii(size - 36, "UPX!");
        }
        return image;
    }

    @Test
    void upxLayoutIsRecognised() throws Exception {
        BinaryReport report = analyze(upxLike(true).toArray());
        assertTrue(report.upxPacked());
        assertFalse(report.elf().sectionHeaders());
        assertTrue(report.stripped());
        assertEquals(Linkage.STATIC, report.linkage());
        assertEquals("amd64", report.goarch());
    }

    @Test
    void sameLayoutWithoutTheMagicIsNotUpx() throws Exception {
        assertFalse(analyze(upxLike(false).toArray()).upxPacked());
    }

    @Test
    void upxMagicInAFileWithSectionHeadersIsNotUpx() throws Exception {
        ElfImage image = upxLike(true);
        // One null section header at 0x1000: UPX output never has a section header table.
        image.buffer.putLong(40, 0x1000).putShort(60, (short) 1);
        assertFalse(analyze(image.toArray()).upxPacked());
    }

    // --- glibc NSS -------------------------------------------------------------------------------

    /**
     * A static executable with a read-only PT_LOAD segment of {@code size} bytes holding
     * {@code text} at {@code at}: where the NSS search looks when there are no section headers.
     */
    private static byte[] readOnlyData(int size, int at, String text) {
        return ElfImage.elf64(0x1000 + size)
                .header(ET_EXEC, EM_X86_64, 64, 2, 0, 0, 0)
                .phdr(0, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x400000, 0x1000, 0x1000)
                .phdr(1, 64, ElfImage.PT_LOAD, ElfImage.PF_R, 0x1000, 0x500000, size, size)
                .ascii(0x1000 + at, text)
                .toArray();
    }

    /**
     * The strings of glibc's NSS module loader: {@code nss/nss_module.c} (2.34 and later) formats
     * {@code "libnss_%s.so%s"} and {@code "_nss_%s_%s"}; {@code nss/nsswitch.c} before it copied
     * the literal {@code "libnss_"}. Each is a C string, NUL before (or the start of the data) and after.
     */
    @Test
    void glibcNssLoaderStringsAsCStringsAreNss() throws Exception {
        for (String loader : List.of("libnss_%s.so%s", "_nss_%s_%s", "libnss_")) {
            assertTrue(
                    analyze(readOnlyData(0x1000, 0x100, "\0" + loader + "\0")).glibcNss(), loader);
            assertTrue(analyze(readOnlyData(0x1000, 0, loader + "\0")).glibcNss(), loader + " at the start");
        }
    }

    @Test
    void aLoaderStringAcrossTwoChunksOfTheSearchIsFound() throws Exception {
        int chunk = 1 << 20;
        assertTrue(analyze(readOnlyData(chunk + 0x1000, chunk - 5, "\0libnss_%s.so%s\0"))
                .glibcNss());
    }

    /**
     * Go's resolver reads {@code /etc/nsswitch.conf}, and Go strings are packed without NULs, so
     * neither the path nor a loader string inside other text is glibc's loader.
     */
    @Test
    void nsswitchPathAndLoaderStringsInsideOtherTextAreNotNss() throws Exception {
        assertFalse(
                analyze(readOnlyData(0x1000, 0x100, "\0/etc/nsswitch.conf\0")).glibcNss());
        assertFalse(
                analyze(readOnlyData(0x1000, 0x100, "\0libnss_files.so.2\0")).glibcNss());
        assertFalse(analyze(readOnlyData(0x1000, 0x100, "\0mylibnss_\0")).glibcNss());
        assertFalse(
                analyze(readOnlyData(0x1000, 0x100, "lookup_nss_%s_%sfiles")).glibcNss());
    }

    // --- Program and section header counts ------------------------------------------------------

    @Test
    void pnXnumTakesTheProgramHeaderCountFromSectionHeaderZero() throws Exception {
        int size = 4096;
        long shoff = 0x800;
        ElfImage image = ElfImage.elf64(size)
                .header(ET_EXEC, EM_X86_64, 64, 0xffff, shoff, 1, 0)
                .phdr(0, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x400000, size, size)
                .phdr(1, 64, ElfImage.PT_INTERP, ElfImage.PF_R, 0x400, 0x400400, 28, 28)
                .ascii(0x400, "/lib64/ld-linux-x86-64.so.2\0")
                .shdr(0, shoff, 0, 0, 0, 0, 0, 2); // sh_info = the real e_phnum
        BinaryReport report = analyze(image.toArray());
        assertEquals(Linkage.DYNAMIC, report.linkage());
        assertEquals("/lib64/ld-linux-x86-64.so.2", report.interpreter());
    }

    /**
     * The first {@code imageSize} bytes of a {@code fileSize}-byte file with a PN_XNUM table of
     * {@code count} entries: section header 0 at 64 holds the count, the table follows at 128,
     * entry 0 is a PT_LOAD over the whole file and the rest are PT_NULL (zero).
     */
    private static ElfImage pnXnum(int imageSize, long count, long fileSize) {
        return ElfImage.elf64(imageSize)
                .header(ET_EXEC, EM_X86_64, 128, 0xffff, 64, 1, 0)
                .shdr(0, 64, 0, 0, 0, 0, 0, (int) count)
                .phdr(0, 128, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x400000, fileSize, fileSize);
    }

    /** A whole file with a PN_XNUM table of {@code count} entries and 64 spare bytes after it. */
    private static ElfImage pnXnum(int count) {
        int size = 128 + count * 56 + 64;
        return pnXnum(size, count, size);
    }

    private String readelfSegments(Path file) {
        return Tools.run(dir, "readelf", "-lW", file.toString());
    }

    /** How many program headers readelf read, from its "There are N program headers" line. */
    private static long programHeaderCount(String readelf) {
        for (String line : readelf.split("\n")) {
            if (line.startsWith("There are ") && line.contains(" program headers")) {
                return Long.parseLong(line.split(" ")[2]);
            }
        }
        throw new AssertionError("readelf names no program header count:\n"
                + readelf.lines().limit(10).toList());
    }

    @Test
    void pnXnumTableOf70000HeadersIsReadAsReadelfReadsIt() throws Exception {
        Path file = write(pnXnum(70_000).toArray());
        String readelf = readelfSegments(file);
        assertEquals(70_000, programHeaderCount(readelf));
        assertTrue(
                readelf.lines().map(String::strip).noneMatch(l -> l.startsWith("INTERP") || l.startsWith("DYNAMIC")));
        BinaryReport report = analyzer.analyze(file);
        assertEquals(70_000, report.elf().programHeaders());
        assertEquals(Linkage.STATIC, report.linkage());
    }

    @Test
    void theLastOf70000ProgramHeadersCounts() throws Exception {
        int count = 70_000;
        ElfImage image = pnXnum(count);
        int path = 128 + count * 56; // the 64 bytes after the table
        String interpreter = "/lib64/ld-linux-x86-64.so.2";
        image.phdr(count - 1, 128, ElfImage.PT_INTERP, ElfImage.PF_R, path, 0x400000 + path, 28, 28)
                .ascii(path, interpreter + "\0");
        Path file = write(image.toArray());
        String readelf = readelfSegments(file);
        assertEquals(count, programHeaderCount(readelf));
        assertTrue(readelf.contains("[Requesting program interpreter: " + interpreter + "]"), "readelf sees PT_INTERP");
        BinaryReport report = analyzer.analyze(file);
        assertEquals(Linkage.DYNAMIC, report.linkage());
        assertEquals(interpreter, report.interpreter());
    }

    @Test
    void pnXnumTableRunningPastTheEndOfTheFileIsMalformed() throws Exception {
        byte[] whole = pnXnum(70_000).toArray();
        malformed(Arrays.copyOf(whole, whole.length / 2));
    }

    /**
     * A 200 MB (sparse) file whose program header table fills it: the analyzer reads it piece by
     * piece, never as one buffer (a single read of more than 16 MiB is refused).
     */
    @Test
    void aProgramHeaderTableFillingA200MbFileIsReadInPieces() throws Exception {
        long size = 200L << 20;
        long count = (size - 128) / 56;
        ElfImage head = pnXnum(4096, count, size);
        Path file = Files.createTempFile(dir, "huge-table", "");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head.toArray());
            out.setLength(size);
        }
        BinaryReport report = analyzer.analyze(file);
        assertEquals(count, report.elf().programHeaders());
        assertEquals(Linkage.STATIC, report.linkage());
    }

    @Test
    void pnXnumWithoutSectionHeadersIsMalformed() throws Exception {
        malformed(ElfImage.elf64(4096)
                .header(ET_EXEC, EM_X86_64, 64, 0xffff, 0, 0, 0)
                .toArray());
    }

    @Test
    void pnXnumWithAnAbsurdRealCountIsMalformed() throws Exception {
        long shoff = 0x800;
        malformed(ElfImage.elf64(4096)
                .header(ET_EXEC, EM_X86_64, 64, 0xffff, shoff, 1, 0)
                .shdr(0, shoff, 0, 0, 0, 0, 0, 0x7fffffff)
                .toArray());
    }

    @Test
    void sectionCountOf0xffffRunsPastTheFile() throws Exception {
        malformed(minimalStatic(4096)
                .header(ET_EXEC, EM_X86_64, 64, 1, 0x800, 0xffff, 0)
                .toArray());
    }

    @Test
    void programHeaderCountOf0xfffeRunsPastTheFile() throws Exception {
        malformed(minimalStatic(4096)
                .header(ET_EXEC, EM_X86_64, 64, 0xfffe, 0, 0, 0)
                .toArray());
    }

    @Test
    void shnumZeroTakesTheCountFromSectionHeaderZero() throws Exception {
        // SHN_LORESERVE rule: e_shnum 0 and sh_size of section 0 holds the count (here absurd).
        long shoff = 0x800;
        ElfImage image = minimalStatic(4096)
                .header(ET_EXEC, EM_X86_64, 64, 1, shoff, 0, 0)
                .shdr(0, shoff, 0, 0, 0, 0x10000000L, 0, 0);
        malformed(image.toArray());
    }

    @Test
    void sectionNameTableIndexOutOfRangeIsMalformed() throws Exception {
        malformed(minimalStatic(4096)
                .header(ET_EXEC, EM_X86_64, 64, 1, 0x800, 2, 7)
                .toArray());
    }

    // --- Offsets and sizes past the end -----------------------------------------------------------

    @Test
    void programHeaderTablePastTheEndIsMalformed() throws Exception {
        malformed(minimalStatic(4096)
                .header(ET_EXEC, EM_X86_64, 0x7fff_ffff_ffff_fff0L, 1, 0, 0, 0)
                .toArray());
        malformed(
                minimalStatic(4096).header(ET_EXEC, EM_X86_64, -64, 1, 0, 0, 0).toArray());
    }

    @Test
    void loadSegmentLargerThanTheFileIsMalformed() throws Exception {
        malformed(minimalStatic(4096)
                .phdr(0, 64, ElfImage.PT_LOAD, 5, 0, 0x400000, -1L, -1L)
                .toArray());
        malformed(minimalStatic(4096)
                .phdr(0, 64, ElfImage.PT_LOAD, 5, 4000, 0x400000, 200, 200)
                .toArray());
    }

    @Test
    void interpreterOutsideTheFileOrHugeIsMalformed() throws Exception {
        ElfImage image = minimalStatic(4096).header(ET_EXEC, EM_X86_64, 64, 2, 0, 0, 0);
        malformed(image.phdr(1, 64, ElfImage.PT_INTERP, 4, 5000, 0, 28, 28).toArray());
        malformed(image.phdr(1, 64, ElfImage.PT_INTERP, 4, 0x100, 0, 1L << 40, 1L << 40)
                .toArray());
    }

    @Test
    void dynamicSegmentOutsideTheFileIsMalformed() throws Exception {
        ElfImage image = minimalStatic(4096)
                .header(ET_EXEC, EM_X86_64, 64, 2, 0, 0, 0)
                .phdr(1, 64, ElfImage.PT_DYNAMIC, 6, 1L << 62, 0x600000, 0x100, 0x100);
        malformed(image.toArray());
    }

    /** A dynamic executable without an interpreter; DT_STRTAB points where {@code strtab} says. */
    private static ElfImage withDynamic(long strtab) {
        int size = 4096;
        long dynamic = 0x800;
        return ElfImage.elf64(size)
                .header(ET_DYN, EM_X86_64, 64, 2, 0, 0, 0)
                .phdr(0, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0, size, size)
                .phdr(1, 64, ElfImage.PT_DYNAMIC, ElfImage.PF_R | ElfImage.PF_W, dynamic, dynamic, 6 * 16, 6 * 16)
                .dyn(dynamic, 0, 1, 1) // DT_NEEDED "libc.so.6"
                .dyn(dynamic, 1, 1, 11) // DT_NEEDED "libm.so.6"
                .dyn(dynamic, 2, 5, strtab) // DT_STRTAB
                .dyn(dynamic, 3, 10, 32) // DT_STRSZ
                .dyn(dynamic, 4, 0x6ffffffbL, 0x08000000L) // DT_FLAGS_1 = DF_1_PIE
                .ascii(0xc00, "\0libc.so.6\0libm.so.6\0");
    }

    @Test
    void neededLibrariesAreReadThroughTheLoadSegments() throws Exception {
        BinaryReport report = analyze(withDynamic(0xc00).toArray());
        assertEquals(List.of("libc.so.6", "libm.so.6"), report.needed());
        assertEquals(Linkage.DYNAMIC, report.linkage());
        assertNull(report.interpreter());
        assertTrue(report.elf().pie());
    }

    @Test
    void strtabNotMappedByAnyLoadSegmentIsMalformed() throws Exception {
        malformed(withDynamic(0x7000_0000L).toArray());
    }

    @Test
    void neededOffsetOutsideTheStringTableIsMalformed() throws Exception {
        malformed(withDynamic(0xc00).dyn(0x800, 0, 1, 1000).toArray());
        malformed(withDynamic(0xc00).dyn(0x800, 0, 1, -5).toArray());
    }

    @Test
    void dynamicTableWithoutTerminatorEndsAtItsSegment() throws Exception {
        ElfImage image = withDynamic(0xc00);
        image.dyn(0x800, 5, 7, 0); // overwrite DT_NULL-zero tail with an unknown tag
        assertEquals(List.of("libc.so.6", "libm.so.6"), analyze(image.toArray()).needed());
    }

    // --- Machines -------------------------------------------------------------------------------

    @Test
    void x32IsNotAmd64() throws Exception {
        ElfImage image = new ElfImage(4096, false, ByteOrder.LITTLE_ENDIAN)
                .header(ET_EXEC, EM_X86_64, 52, 1, 0, 0, 0)
                .phdr(0, 52, ElfImage.PT_LOAD, 5, 0, 0x400000, 4096, 4096);
        BinaryReport report = analyze(image.toArray());
        assertNull(report.goarch());
        assertEquals("x86-64", report.machine());
        assertEquals("x32", report.abi());
        assertEquals(32, report.bits());
        assertEquals(List.of("x86-64"), report.architectures());
    }

    @Test
    void machineGoDoesNotSupportIsNamedWithNullGoarch() throws Exception {
        ElfImage image = new ElfImage(4096, true, ByteOrder.BIG_ENDIAN)
                .header(ET_EXEC, 43, 64, 1, 0, 0, 0) // EM_SPARCV9
                .phdr(0, 64, ElfImage.PT_LOAD, 5, 0, 0x100000, 4096, 4096);
        BinaryReport report = analyze(image.toArray());
        assertNull(report.goarch());
        assertEquals("SPARC V9", report.machine());
        assertEquals("big", report.endianness());
    }

    @Test
    void armHardFloatAbiIsReported() throws Exception {
        ElfImage image = new ElfImage(4096, false, ByteOrder.LITTLE_ENDIAN)
                .header(ET_EXEC, 40, 52, 1, 0, 0, 0)
                .flags(0x05000400) // EABI5, EF_ARM_ABI_FLOAT_HARD
                .phdr(0, 52, ElfImage.PT_LOAD, 5, 0, 0x10000, 4096, 4096);
        BinaryReport report = analyze(image.toArray());
        assertEquals("arm", report.goarch());
        assertEquals("EABI5 hard-float", report.abi());
    }

    @Test
    void mipsN32IsNotGoMips() throws Exception {
        ElfImage image = new ElfImage(4096, false, ByteOrder.BIG_ENDIAN)
                .header(ET_EXEC, 8, 52, 1, 0, 0, 0)
                .flags(0x20) // EF_MIPS_ABI2
                .phdr(0, 52, ElfImage.PT_LOAD, 5, 0, 0x10000, 4096, 4096);
        BinaryReport report = analyze(image.toArray());
        assertNull(report.goarch());
        assertEquals("MIPS n32", report.abi());
    }

    // --- Go build info in the pre-1.18 pointer format ---------------------------------------------

    /**
     * Go before 1.18 wrote a 32-byte header (magic, pointer size, flags with the pointer-format
     * bit clear, then pointers to the version and modinfo Go strings); see
     * {@code debug/buildinfo.readRawBuildInfo}. The modinfo is framed by 16-byte sentinels.
     */
    private static byte[] pointerFormat(boolean is64, ByteOrder order) {
        int size = 8192;
        long base = 0x10000;
        int ptr = is64 ? 8 : 4;
        ElfImage image =
                new ElfImage(size, is64, order).header(ET_EXEC, is64 ? EM_X86_64 : 8, is64 ? 64 : 52, 2, 0, 0, 0);
        int phoff = image.ehsize();
        image.phdr(0, phoff, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x1000, 0x1000, 0x1000);
        image.phdr(1, phoff, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_W, 0x1000, base, 0x1000, 0x2000);
        String version = "go1.17.13";
        String mod = "path\texample.com/old\nmod\texample.com/old\t(devel)\t\n"
                + "dep\tgolang.org/x/text\tv0.3.7\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n"
                + "=>\t../text\t(devel)\t\n";
        byte[] sentinel = new byte[16];
        for (int i = 0; i < 16; i++) {
            sentinel[i] = (byte) (0xa0 + i);
        }
        ByteBuffer b = image.buffer;
        int at = 0x1000 + 0x10; // 16-byte aligned, past some leading data
        b.put(at, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        b.put(at + 14, (byte) ptr);
        b.put(at + 15, (byte) (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        putPointer(b, at + 16, ptr, base + 0x100);
        putPointer(b, at + 16 + ptr, ptr, base + 0x120);
        // Go string headers {data, len}
        putPointer(b, 0x1000 + 0x100, ptr, base + 0x200);
        putPointer(b, 0x1000 + 0x100 + ptr, ptr, version.length());
        byte[] modBytes = mod.getBytes(StandardCharsets.UTF_8);
        putPointer(b, 0x1000 + 0x120, ptr, base + 0x300);
        putPointer(b, 0x1000 + 0x120 + ptr, ptr, modBytes.length + 32);
        b.put(0x1000 + 0x200, version.getBytes(StandardCharsets.US_ASCII));
        b.put(0x1000 + 0x300, sentinel).put(0x1000 + 0x310, modBytes).put(0x1000 + 0x310 + modBytes.length, sentinel);
        return image.toArray();
    }

    private static void putPointer(ByteBuffer b, int at, int size, long value) {
        if (size == 8) {
            b.putLong(at, value);
        } else {
            b.putInt(at, (int) value);
        }
    }

    @Test
    void pre118PointerFormatBuildInfoIsRead() throws Exception {
        for (boolean is64 : new boolean[] {true, false}) {
            ByteOrder order = is64 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            GoBuildInfo info = analyze(pointerFormat(is64, order)).goBuildInfo();
            assertEquals("go1.17.13", info.goVersion());
            assertEquals("example.com/old", info.path());
            assertEquals("example.com/old", info.main().path());
            assertEquals("(devel)", info.main().version());
            assertEquals(1, info.deps().size());
            assertEquals("golang.org/x/text", info.deps().get(0).path());
            assertEquals("../text", info.deps().get(0).replace().path());
            assertEquals(0, info.settings().size());
        }
    }

    @Test
    void pointerFormatPointingOutsideEverySegmentIsMalformed() throws Exception {
        byte[] content = pointerFormat(true, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).putLong(0x1010 + 16, 0xdead_0000L);
        malformed(content);
    }

    // --- Not ELF ----------------------------------------------------------------------------------

    @Test
    void otherFilesAreUnknownNotErrors() throws Exception {
        assertEquals(Format.UNKNOWN, analyze(new byte[0]).format());
        assertEquals(Format.UNKNOWN, analyze(new byte[] {0x7f}).format());
        assertEquals(
                Format.UNKNOWN,
                analyze("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII))
                        .format());
        assertEquals("unknown", analyze(new byte[] {1, 2, 3, 4, 5}).format().jsonName());
        // A Java class file shares the fat Mach-O magic; its version sits where the count would.
        byte[] javaClass = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 0};
        assertEquals(Format.UNKNOWN, analyze(javaClass).format());
        // An MZ program whose e_lfanew leads to no PE signature is a DOS program.
        byte[] dos = new byte[256];
        dos[0] = 'M';
        dos[1] = 'Z';
        dos[0x3c] = (byte) 0x80;
        assertEquals(Format.UNKNOWN, analyze(dos).format());
    }

    @Test
    void truncatedElfIdentificationIsMalformed() throws Exception {
        malformed(new byte[] {0x7f, 'E', 'L', 'F', 2, 1});
        malformed(new byte[] {0x7f, 'E', 'L', 'F', 3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // bad class
    }

    @Test
    void peHeaderPastTheEndIsMalformed() throws Exception {
        byte[] mz = new byte[256];
        mz[0] = 'M';
        mz[1] = 'Z';
        ByteBuffer.wrap(mz).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 0x7fffffff);
        malformed(mz);
    }

    @Test
    void fatFileWhoseSliceIsItselfIsMalformed() throws Exception {
        ByteBuffer fat = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN);
        fat.putInt(0xcafebabe).putInt(2);
        for (int i = 0; i < 2; i++) {
            fat.putInt(0x0100000c).putInt(0).putInt(0).putInt(4096).putInt(12); // offset 0: the fat header
        }
        malformed(fat.array());
    }

    @Test
    void fatSlicePastTheEndIsMalformed() throws Exception {
        ByteBuffer fat = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN);
        fat.putInt(0xcafebabf).putInt(1);
        fat.putInt(0x0100000c)
                .putInt(0)
                .putLong(4096)
                .putLong(Long.MAX_VALUE)
                .putInt(14)
                .putInt(0);
        malformed(fat.array());
    }

    @Test
    void machOWithAbsurdLoadCommandCountsIsMalformed() throws Exception {
        ByteBuffer mach = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        mach.putInt(0xfeedfacf)
                .putInt(0x0100000c)
                .putInt(0)
                .putInt(2)
                .putInt(-1)
                .putInt(-1);
        malformed(mach.array());
        mach.putInt(16, 3).putInt(20, 100); // three commands declared, zero-sized command inside
        malformed(mach.array());
    }
}
