package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The crafted seed inputs of {@link BinaryAnalyzerFuzzTest}: small, complete files of every shape the
 * analyzer reads (a real Go binary is megabytes, which would slow the fuzzer a thousandfold), each
 * carrying the parts real ones have: Go build info (inline and pointer formats), build-ID notes,
 * a symbol table, an interpreter and DT_NEEDED, PE imports, Mach-O dylibs and a fat header, and a
 * WebAssembly module with Go's build ID section, a gojs import and build info in data segments.
 *
 * <p>They are committed under {@code BinaryAnalyzerFuzzTestInputs/}; regenerate them with
 * {@code java -cp target/test-classes:target/classes io.github.staticgo.binary.FuzzSeeds
 * src/test/resources/io/github/staticgo/binary/BinaryAnalyzerFuzzTestInputs}.
 */
final class FuzzSeeds {
    static final String MODINFO = "path\texample.com/fixture\n"
            + "mod\texample.com/fixture\t(devel)\t\n"
            + "dep\tgolang.org/x/sys\tv0.20.0\th1:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=\n"
            + "=>\t../sys\t(devel)\t\n"
            + "build\t-buildmode=exe\n"
            + "build\t-compiler=gc\n"
            + "build\t-ldflags=\"-buildid= -s -w -X 'main.motd=hello world'\"\n"
            + "build\tCGO_ENABLED=0\n"
            + "build\tGOARCH=amd64\n"
            + "build\tGOOS=linux\n"
            + "build\tGOAMD64=v1\n";

    private FuzzSeeds() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> seed : all().entrySet()) {
            Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("seed-elf64-le-go-static", elfGo(true, ByteOrder.LITTLE_ENDIAN, 62, true));
        seeds.put("seed-elf64-be-s390x-go-no-sections", elfGo(true, ByteOrder.BIG_ENDIAN, 22, false));
        seeds.put("seed-elf32-be-mips-go-pointer-format", elfPointerFormat());
        seeds.put("seed-elf64-le-dynamic", elfDynamic());
        seeds.put("seed-pe32plus-go", pe());
        seeds.put("seed-macho64-le-go", macho(0x01000007));
        seeds.put("seed-macho-fat", fat());
        seeds.put("seed-wasm-js-go", WasmImage.goJs("go1.26.8", MODINFO, "fuzz-action-id/fuzz-content-id"));
        return seeds;
    }

    /** Go 1.18+ build info: 32-byte header (inline flag), varint-prefixed version and modinfo with sentinels. */
    static byte[] inlineBuildInfo(String goVersion, String modinfo) {
        byte[] mod = modinfo.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(32 + 2 + goVersion.length() + 2 + 32 + mod.length);
        b.put("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1))
                .put((byte) 8)
                .put((byte) 2);
        b.position(32);
        b.put((byte) goVersion.length()).put(goVersion.getBytes(StandardCharsets.US_ASCII));
        int length = mod.length + 32;
        b.put((byte) (0x80 | length & 0x7f)).put((byte) (length >>> 7));
        byte[] sentinel = new byte[16];
        for (int i = 0; i < 16; i++) {
            sentinel[i] = (byte) (0x30 + i);
        }
        b.put(sentinel).put(mod).put(sentinel);
        return b.array();
    }

    private static byte[] note(ByteOrder order, String name, int type, byte[] desc) {
        int nameSize = name.length() + 1;
        int nameAligned = nameSize + 3 & -4;
        ByteBuffer b =
                ByteBuffer.allocate(12 + nameAligned + (desc.length + 3 & -4)).order(order);
        b.putInt(nameSize).putInt(desc.length).putInt(type).put(name.getBytes(StandardCharsets.US_ASCII));
        b.position(12 + nameAligned);
        b.put(desc);
        return b.array();
    }

    /**
     * A static Go-like ELF: text PT_LOAD (with a Go build ID note), data PT_LOAD holding the build
     * info, and optionally section headers (.text, .go.buildinfo, .note.go.buildid, .symtab, .shstrtab).
     */
    static byte[] elfGo(boolean is64, ByteOrder order, int machine, boolean sections) {
        int size = 0x2000;
        ElfImage image = new ElfImage(size, is64, order);
        int phoff = image.ehsize();
        long shoff = 0x1800;
        image.header(2, machine, phoff, 3, sections ? shoff : 0, sections ? 6 : 0, sections ? 5 : 0);
        byte[] goNote = note(order, "Go", 4, "abc123/def456".getBytes(StandardCharsets.US_ASCII));
        image.phdr(0, phoff, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x400000, 0x1000, 0x1000);
        image.phdr(1, phoff, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_W, 0x1000, 0x500000, 0x400, 0x800);
        image.phdr(2, phoff, 4, ElfImage.PF_R, 0xf00, 0x400f00, goNote.length, goNote.length); // PT_NOTE
        image.bytes(0xf00, goNote);
        image.bytes(0x1000, inlineBuildInfo("go1.26.8", MODINFO));
        if (sections) {
            String names = "\0.text\0.go.buildinfo\0.note.go.buildid\0.symtab\0.shstrtab\0";
            image.ascii(0x1700, names);
            image.shdr(1, shoff, 1, 1, 0x800, 0x700, 0, 0); // .text PROGBITS
            image.shdr(2, shoff, 7, 1, 0x1000, 0x200, 0, 0); // .go.buildinfo
            image.shdr(3, shoff, 22, 7, 0xf00, goNote.length, 0, 0); // SHT_NOTE
            image.shdr(4, shoff, 39, 2, 0x1400, 0x30, 5, 0); // SHT_SYMTAB
            image.shdr(5, shoff, 47, 3, 0x1700, names.length(), 0, 0); // SHT_STRTAB
            // sh_addr of .go.buildinfo, where the search starts.
            image.buffer.putLong((int) shoff + 2 * 64 + 16, 0x500000);
        }
        return image.toArray();
    }

    /** Go before 1.18: 32-bit big-endian MIPS, pointers to Go strings, no section headers. */
    static byte[] elfPointerFormat() {
        int size = 0x2000;
        long base = 0x10000;
        ElfImage image = new ElfImage(size, false, ByteOrder.BIG_ENDIAN)
                .header(2, 8, 52, 2, 0, 0, 0)
                .flags(0x50001007);
        image.phdr(0, 52, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0x1000, 0x1000, 0x1000);
        image.phdr(1, 52, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_W, 0x1000, base, 0x1000, 0x2000);
        String version = "go1.17.13";
        byte[] mod = MODINFO.replace("amd64", "mips").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = image.buffer;
        b.put(0x1010, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1))
                .put(0x1010 + 14, (byte) 4)
                .put(0x1010 + 15, (byte) 1);
        b.putInt(0x1010 + 16, (int) base + 0x100).putInt(0x1010 + 20, (int) base + 0x120);
        b.putInt(0x1100, (int) base + 0x200).putInt(0x1104, version.length());
        b.putInt(0x1120, (int) base + 0x300).putInt(0x1124, mod.length + 32);
        b.put(0x1200, version.getBytes(StandardCharsets.US_ASCII));
        byte[] sentinel = new byte[16];
        b.put(0x1300, sentinel).put(0x1310, mod).put(0x1310 + mod.length, sentinel);
        return image.toArray();
    }

    /** A dynamically linked PIE: PT_INTERP, PT_DYNAMIC with DT_NEEDED, DT_STRTAB, DT_SONAME, DT_RUNPATH, DT_FLAGS_1. */
    static byte[] elfDynamic() {
        int size = 0x1000;
        long dynamic = 0x800;
        String strings = "\0libc.so.6\0libm.so.6\0libfoo.so\0/opt/lib\0";
        ElfImage image = ElfImage.elf64(size)
                .header(3, 183, 64, 3, 0, 0, 0) // ET_DYN, AArch64
                .phdr(0, 64, ElfImage.PT_LOAD, ElfImage.PF_R | ElfImage.PF_X, 0, 0, size, size)
                .phdr(1, 64, ElfImage.PT_INTERP, ElfImage.PF_R, 0x200, 0x200, 27, 27)
                .phdr(2, 64, ElfImage.PT_DYNAMIC, ElfImage.PF_R | ElfImage.PF_W, dynamic, dynamic, 9 * 16, 9 * 16)
                .ascii(0x200, "/lib/ld-linux-aarch64.so.1\0")
                .dyn(dynamic, 0, 1, 1)
                .dyn(dynamic, 1, 1, 11)
                .dyn(dynamic, 2, 5, 0xc00)
                .dyn(dynamic, 3, 10, strings.length())
                .dyn(dynamic, 4, 14, 21)
                .dyn(dynamic, 5, 29, 31)
                .dyn(dynamic, 6, 0x6ffffffbL, 0x08000000L)
                .ascii(0xc00, strings);
        return image.toArray();
    }

    /** PE32+ amd64 console program: .text with a Go build ID, .data with build info, .idata importing kernel32.dll. */
    static byte[] pe() {
        ByteBuffer b = ByteBuffer.allocate(0x800).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40);
        b.putInt(0x40, 0x00004550);
        int coff = 0x44;
        b.putShort(coff, (short) 0x8664)
                .putShort(coff + 2, (short) 3)
                .putInt(coff + 8, 0x700)
                .putInt(coff + 12, 1)
                .putShort(coff + 16, (short) 240)
                .putShort(coff + 18, (short) 0x22);
        int opt = coff + 20;
        b.putShort(opt, (short) 0x20b)
                .putLong(opt + 24, 0x400000L)
                .putShort(opt + 68, (short) 3)
                .putInt(opt + 108, 16);
        b.putInt(opt + 112 + 8, 0x3000).putInt(opt + 112 + 12, 40); // import directory
        int sections = opt + 240;
        section(b, sections, ".text", 0x200, 0x1000, 0x200, 0x200, 0x60000020);
        section(b, sections + 40, ".data", 0x200, 0x2000, 0x200, 0x400, 0xc0000040);
        section(b, sections + 80, ".idata", 0x100, 0x3000, 0x100, 0x600, 0xc0000040);
        b.put(0x200, "\u00ff Go build ID: \"abc/def\"\n \u00ff".getBytes(StandardCharsets.ISO_8859_1));
        b.put(0x400, inlineBuildInfo("go1.26.8", MODINFO.replace("linux", "windows")));
        b.putInt(0x600 + 12, 0x3040);
        b.put(0x640, "kernel32.dll\0".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static void section(
            ByteBuffer b, int at, String name, int virtualSize, int rva, int rawSize, int raw, int flags) {
        b.put(at, name.getBytes(StandardCharsets.US_ASCII))
                .putInt(at + 8, virtualSize)
                .putInt(at + 12, rva)
                .putInt(at + 16, rawSize)
                .putInt(at + 20, raw)
                .putInt(at + 36, flags);
    }

    /** Thin 64-bit little-endian Mach-O: __PAGEZERO, __TEXT/__text, __DATA/__go_buildinfo, libSystem, LC_BUILD_VERSION, LC_SYMTAB. */
    static byte[] macho(int cpuType) {
        ByteBuffer b = ByteBuffer.allocate(0x1400).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xfeedfacf)
                .putInt(cpuType)
                .putInt(3)
                .putInt(2)
                .putInt(6)
                .putInt(0)
                .putInt(0x85)
                .putInt(0);
        int start = b.position();
        segment(b, "__PAGEZERO", 0, 0x1000, 0, 0, 0, 0, null, 0, 0, 0);
        segment(b, "__TEXT", 0x100000000L, 0x1000, 0, 0x1000, 5, 5, "__text", 0x100000800L, 0x100, 0x800);
        segment(b, "__DATA", 0x100001000L, 0x1000, 0x1000, 0x400, 3, 3, "__go_buildinfo", 0x100001000L, 0x200, 0x1000);
        String dylib = "/usr/lib/libSystem.B.dylib";
        b.putInt(0xc).putInt(56).putInt(24).putInt(2).putInt(0x10000).putInt(0x10000);
        b.put(dylib.getBytes(StandardCharsets.US_ASCII)).put(new byte[56 - 24 - dylib.length()]);
        b.putInt(0x32).putInt(24).putInt(1).putInt(0xb0000).putInt(0xe0000).putInt(0);
        b.putInt(0x2).putInt(24).putInt(0x1300).putInt(2).putInt(0x1340).putInt(16);
        b.putInt(20, b.position() - start);
        b.put(0x800, "\u00ff Go build ID: \"mac/id\"\n \u00ff".getBytes(StandardCharsets.ISO_8859_1));
        b.put(0x1000, inlineBuildInfo("go1.26.8", MODINFO.replace("linux", "darwin")));
        return b.array();
    }

    private static void segment(
            ByteBuffer b,
            String name,
            long vmaddr,
            long vmsize,
            long fileoff,
            long filesize,
            int maxprot,
            int initprot,
            String section,
            long addr,
            long size,
            int offset) {
        int nsects = section == null ? 0 : 1;
        b.putInt(0x19).putInt(72 + 80 * nsects);
        b.put(java.util.Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 16));
        b.putLong(vmaddr)
                .putLong(vmsize)
                .putLong(fileoff)
                .putLong(filesize)
                .putInt(maxprot)
                .putInt(initprot)
                .putInt(nsects)
                .putInt(0);
        if (section != null) {
            b.put(java.util.Arrays.copyOf(section.getBytes(StandardCharsets.US_ASCII), 16));
            b.put(java.util.Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 16));
            b.putLong(addr)
                    .putLong(size)
                    .putInt(offset)
                    .putInt(4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(0)
                    .putInt(0)
                    .putInt(0)
                    .putInt(0);
        }
    }

    /** Universal binary with an amd64 and an arm64 slice. */
    static byte[] fat() {
        byte[] amd64 = macho(0x01000007);
        byte[] arm64 = macho(0x0100000c);
        ByteBuffer b = ByteBuffer.allocate(0x1000 + amd64.length + arm64.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0xcafebabe).putInt(2);
        b.putInt(0x01000007).putInt(3).putInt(0x1000).putInt(amd64.length).putInt(12);
        b.putInt(0x0100000c)
                .putInt(0)
                .putInt(0x1000 + amd64.length)
                .putInt(arm64.length)
                .putInt(12);
        b.put(0x1000, amd64).put(0x1000 + amd64.length, arm64);
        return b.array();
    }
}
