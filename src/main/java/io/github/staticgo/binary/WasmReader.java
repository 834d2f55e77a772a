package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a WebAssembly module in the binary format of the WebAssembly core specification
 * (version 1): the operating system Go built it for, from the host modules it imports; the Go
 * build ID, from Go's {@code go:buildid} custom section; and the Go build information, when a
 * data segment holds its blob. Every count and size is an LEB128 number that is checked against
 * its section, and every section against the file, before anything is read.
 */
final class WasmReader {

    /** {@code "\0asm"} read as a big-endian number. */
    static final int MAGIC = 0x0061736d;

    private static final int VERSION = 1;

    private static final int CUSTOM_SECTION = 0;
    private static final int IMPORT_SECTION = 2;
    private static final int DATA_SECTION = 11;

    /**
     * The import and data segment limits of the engines that run modules (V8's
     * {@code wasm-limits.h}); Go's linker stays under the second on purpose. Go writes about
     * fifteen sections, so a few thousand is far beyond any real module.
     */
    private static final int MAX_IMPORTS = 100_000;

    private static final int MAX_DATA_SEGMENTS = 100_000;
    private static final int MAX_SECTIONS = 4_096;
    /** Module names longer than this are none of the ones that say a GOOS, and are skipped. */
    private static final int MAX_MODULE_NAME = 64;

    private static final String GO_BUILD_ID_SECTION = "go:buildid";
    /** The host modules Go's ports import: syscall/js's {@code gojs} and WASI preview 1. */
    private static final Map<String, String> GOOS_BY_IMPORTED_MODULE =
            Map.of("gojs", "js", "wasi_snapshot_preview1", "wasip1");

    private record DataSegment(long address, long fileOffset, long length) {}

    private final FileView file;
    private String importedGoos;
    private String goBuildId;
    private final List<DataSegment> segments = new ArrayList<>();

    private WasmReader(FileView file) {
        this.file = file;
    }

    static BinaryReport read(FileView file) throws IOException, MalformedBinaryException {
        return new WasmReader(file).read();
    }

    private BinaryReport read() throws IOException, MalformedBinaryException {
        ByteBuffer header = file.read(0, 8, ByteOrder.LITTLE_ENDIAN, "WebAssembly header");
        int version = header.getInt(4);
        if (version != VERSION) {
            throw new MalformedBinaryException(
                    "WebAssembly version " + Integer.toUnsignedString(version) + " is not 1");
        }
        Cursor module = new Cursor(file, 8, file.size());
        for (int count = 0; !module.atEnd(); count++) {
            if (count == MAX_SECTIONS) {
                throw new MalformedBinaryException("more than " + MAX_SECTIONS + " WebAssembly sections");
            }
            int id = module.u8("section id");
            Cursor section = module.slice(module.u32("section size"), "WebAssembly section " + id);
            switch (id) {
                case CUSTOM_SECTION -> customSection(section);
                case IMPORT_SECTION -> importSection(section);
                case DATA_SECTION -> dataSection(section);
                default -> {
                    // The other sections say nothing about the platform or the build.
                }
            }
        }
        GoBuildInfo buildInfo = goBuildInfo();
        String goos = importedGoos != null ? importedGoos : buildInfo != null ? buildInfo.setting("GOOS") : null;
        String goarch = "wasm";
        return new BinaryReport(
                Format.WASM,
                file.size(),
                goos,
                goarch,
                "WebAssembly",
                32,
                "little",
                null,
                Architectures.variant(goarch, buildInfo),
                null,
                null,
                List.of(),
                List.of(),
                false,
                false,
                false,
                null,
                goBuildId,
                buildInfo,
                List.of(goarch),
                null,
                null,
                null);
    }

    private void customSection(Cursor section) throws IOException, MalformedBinaryException {
        String name = section.name(GO_BUILD_ID_SECTION.length(), "custom section name");
        if (GO_BUILD_ID_SECTION.equals(name)
                && goBuildId == null
                && section.remaining() <= Markers.GO_BUILD_ID_WINDOW) {
            goBuildId = Markers.goBuildId(section.bytes(section.remaining(), "go:buildid section"));
        }
    }

    /** Each import: module name, field name, and a description whose length depends on its kind. */
    private void importSection(Cursor section) throws IOException, MalformedBinaryException {
        long count = section.u32("import count");
        if (count > MAX_IMPORTS) {
            throw new MalformedBinaryException(count + " WebAssembly imports; engines accept at most " + MAX_IMPORTS);
        }
        for (long i = 0; i < count; i++) {
            String module = section.name(MAX_MODULE_NAME, "import module name");
            section.name(0, "import field name");
            int kind = section.u8("import kind");
            switch (kind) {
                case 0 -> section.u32("function type index");
                case 1 -> {
                    section.u8("table element type");
                    limits(section);
                }
                case 2 -> limits(section);
                case 3 -> {
                    valueType(section);
                    section.u8("global mutability");
                }
                case 4 -> {
                    section.u8("tag attribute");
                    section.u32("tag type index");
                }
                default -> throw new MalformedBinaryException("WebAssembly import kind " + kind + " is unknown");
            }
            if (importedGoos == null && module != null) {
                importedGoos = GOOS_BY_IMPORTED_MODULE.get(module);
            }
        }
        section.expectEnd("import section");
    }

    /** Limits: flags (bit 0 a maximum follows, bit 1 shared, bit 2 64-bit), minimum, maximum. */
    private static void limits(Cursor section) throws IOException, MalformedBinaryException {
        int flags = section.u8("limits flags");
        if (flags > 7) {
            throw new MalformedBinaryException(
                    "WebAssembly limits flags 0x" + Integer.toHexString(flags) + " are unknown");
        }
        int bits = (flags & 4) != 0 ? 64 : 32;
        section.leb(bits, false, "limits minimum");
        if ((flags & 1) != 0) {
            section.leb(bits, false, "limits maximum");
        }
    }

    /** A value type: one byte, or for the typed references {@code ref} / {@code ref null} a heap type after it. */
    private static void valueType(Cursor section) throws IOException, MalformedBinaryException {
        int type = section.u8("value type");
        if (type == 0x63 || type == 0x64) {
            section.leb(33, true, "heap type");
        }
    }

    /** Each data segment: its mode, for active ones the memory and a constant offset, then its bytes. */
    private void dataSection(Cursor section) throws IOException, MalformedBinaryException {
        long count = section.u32("data segment count");
        if (count > MAX_DATA_SEGMENTS) {
            throw new MalformedBinaryException(
                    count + " WebAssembly data segments; engines accept at most " + MAX_DATA_SEGMENTS);
        }
        for (long i = 0; i < count; i++) {
            long mode = section.u32("data segment mode");
            long address;
            if (mode == 0) {
                address = offset(section);
            } else if (mode == 1) {
                address = -1; // passive: copied into memory by the code, at no address known here
            } else if (mode == 2) {
                long memory = section.u32("data segment memory");
                address = offset(section);
                if (memory != 0) {
                    address = -1;
                }
            } else {
                throw new MalformedBinaryException("WebAssembly data segment mode " + mode + " is unknown");
            }
            long length = section.u32("data segment size");
            long fileOffset = section.position();
            section.skip(length, "data segment");
            if (address != -1 && length != 0) {
                segments.add(new DataSegment(address, fileOffset, length));
            }
        }
        section.expectEnd("data section");
    }

    /**
     * The offset expression of an active segment, up to its {@code end}: the address when it is
     * one constant, else -1 (a global, or extended-constant arithmetic).
     */
    private static long offset(Cursor section) throws IOException, MalformedBinaryException {
        long address = -1;
        while (true) {
            int opcode = section.u8("offset expression");
            switch (opcode) {
                case 0x0b -> { // end
                    return address;
                }
                case 0x41 -> address = section.leb(32, true, "i32.const") & 0xffffffffL;
                case 0x42 -> address = section.leb(64, true, "i64.const");
                case 0x23 -> { // global.get
                    section.u32("global index");
                    address = -1;
                }
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> address = -1; // i32/i64 add, sub, mul
                default ->
                    throw new MalformedBinaryException(
                            String.format("opcode 0x%02x is not allowed in a WebAssembly constant expression", opcode));
            }
        }
    }

    /**
     * Go's build info blob, searched segment by segment: Go's linker leaves the zeros between data
     * out of the module, so the memory image has gaps. The search reads at most
     * {@link GoBuildInfoReader#MAX_SCAN} bytes; the blob's strings may lie in later segments.
     */
    private GoBuildInfo goBuildInfo() throws IOException, MalformedBinaryException {
        AddressMap memory = new AddressMap();
        for (DataSegment s : segments) {
            memory.add(s.address, s.fileOffset, s.length);
        }
        long scanned = 0;
        for (DataSegment s : segments) {
            if (scanned >= GoBuildInfoReader.MAX_SCAN) {
                break;
            }
            AddressMap one = new AddressMap();
            one.add(s.address, s.fileOffset, s.length);
            // The header may run on into the next segment, so the range goes past this one.
            long found = new GoBuildInfoReader(file, one).find(s.address, s.length + 32);
            if (found != -1) {
                return new GoBuildInfoReader(file, memory).decode(found);
            }
            scanned += s.length;
        }
        return null;
    }

    /** Reads a range of the file front to back through a small window, never past its end. */
    private static final class Cursor {
        private static final int WINDOW = 64 << 10;

        private final FileView file;
        private final long end;
        private long position;
        private byte[] window = new byte[0];
        private long windowStart;

        Cursor(FileView file, long start, long end) {
            this.file = file;
            this.position = start;
            this.end = end;
        }

        boolean atEnd() {
            return position >= end;
        }

        long position() {
            return position;
        }

        long remaining() {
            return end - position;
        }

        int u8(String what) throws IOException, MalformedBinaryException {
            if (position >= end) {
                throw new MalformedBinaryException(
                        "WebAssembly " + what + " at offset " + position + " runs past the end of its section");
            }
            if (position < windowStart || position >= windowStart + window.length) {
                windowStart = position;
                window = file.readUpTo(position, (int) Math.min(WINDOW, end - position));
            }
            return window[(int) (position++ - windowStart)] & 0xff;
        }

        long u32(String what) throws IOException, MalformedBinaryException {
            return leb(32, false, what);
        }

        /**
         * An LEB128 number of at most {@code bits} bits, signed or not, in at most
         * ceil(bits / 7) bytes whose unused high bits are all zero (or, signed, all copies of the sign).
         */
        long leb(int bits, boolean signed, String what) throws IOException, MalformedBinaryException {
            int maxBytes = (bits + 6) / 7;
            long result = 0;
            for (int i = 0; i < maxBytes; i++) {
                int b = u8(what);
                int shift = 7 * i;
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (i == maxBytes - 1 && !fitsLastByte(b, bits - shift, signed)) {
                        break;
                    }
                    if (signed && shift + 7 < 64 && (b & 0x40) != 0) {
                        result |= -1L << (shift + 7);
                    }
                    return result;
                }
            }
            throw new MalformedBinaryException("WebAssembly " + what + " is not an LEB128 number of " + bits + " bits");
        }

        /** Whether the last byte of a maximal-length LEB128 number uses only the bits left. */
        private static boolean fitsLastByte(int b, int bitsLeft, boolean signed) {
            if (bitsLeft >= 7) {
                return true;
            }
            int unused = b >> (signed ? bitsLeft - 1 : bitsLeft);
            return unused == 0 || signed && unused == (0x7f >> (bitsLeft - 1));
        }

        void skip(long length, String what) throws MalformedBinaryException {
            if (length > end - position) {
                throw new MalformedBinaryException("WebAssembly " + what + " of " + length + " bytes at offset "
                        + position + " runs past the end of its section");
            }
            position += length;
        }

        /** The next {@code length} bytes as a cursor of their own, which this one then skips. */
        Cursor slice(long length, String what) throws MalformedBinaryException {
            long start = position;
            skip(length, what);
            return new Cursor(file, start, start + length);
        }

        byte[] bytes(long length, String what) throws IOException, MalformedBinaryException {
            long start = position;
            skip(length, what);
            return file.bytes(start, length, what);
        }

        /** A name (length and UTF-8 bytes); null, and skipped, when longer than {@code max}. */
        String name(int max, String what) throws IOException, MalformedBinaryException {
            long length = u32(what);
            if (length > max) {
                skip(length, what);
                return null;
            }
            return new String(bytes(length, what), StandardCharsets.UTF_8);
        }

        void expectEnd(String what) throws MalformedBinaryException {
            if (position != end) {
                throw new MalformedBinaryException(
                        "WebAssembly " + what + " has " + (end - position) + " bytes after its last entry");
            }
        }
    }
}
