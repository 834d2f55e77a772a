package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds and decodes the build information blob of a Go binary, following Go's own
 * {@code debug/buildinfo} reader: a 16-byte-aligned {@code "\xff Go buildinf:"} header inside one
 * data section or segment, then either two varint-prefixed inline strings (Go 1.18 and later) or
 * two pointers to Go strings (older toolchains).
 *
 * <p>This is the only place that reads inside a section rather than headers and tables, and it
 * reads at most {@link #MAX_SCAN} bytes of it, in chunks.
 */
final class GoBuildInfoReader {

    static final long MAX_SCAN = 64L << 20;
    private static final int CHUNK = 1 << 20;
    private static final int ALIGN = 16;
    private static final int HEADER_SIZE = 32;
    private static final int MAX_VERSION = 4 << 10;
    private static final int MAX_MODINFO = 8 << 20;
    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private static final int FLAGS_ENDIAN_BIG = 0x1;
    private static final int FLAGS_VERSION_INLINE = 0x2;

    private final FileView file;
    private final AddressMap memory;

    GoBuildInfoReader(FileView file, AddressMap memory) {
        this.file = file;
        this.memory = memory;
    }

    /**
     * Searches {@code [start, start + size)} for the blob and decodes it.
     *
     * @return the build information, or null when the range holds none (not a Go binary)
     * @throws MalformedBinaryException when the blob is there but its contents are inconsistent
     */
    GoBuildInfo read(long start, long size) throws IOException, MalformedBinaryException {
        long found = find(start, size);
        return found == -1 ? null : decode(found);
    }

    /**
     * Decodes the blob whose header is at address {@code found}, as returned by {@link #find}
     * (possibly of another reader whose map holds only the region searched).
     *
     * @throws MalformedBinaryException when the blob's contents are inconsistent
     */
    GoBuildInfo decode(long found) throws IOException, MalformedBinaryException {
        // Only the magic, pointer size and flags: the inline format leaves the rest of the
        // header zero, and Go's wasm data segments leave runs of zeros out of the file.
        byte[] header = readAt(found, MAGIC.length + 2, "Go build info header");
        int flags = header[15] & 0xff;
        String version;
        byte[] modinfo;
        if ((flags & FLAGS_VERSION_INLINE) != 0) {
            long[] next = new long[1];
            version = string(varintString(found + HEADER_SIZE, MAX_VERSION, next));
            modinfo = varintString(next[0], MAX_MODINFO, next);
        } else {
            int pointerSize = header[14] & 0xff;
            if (pointerSize != 4 && pointerSize != 8) {
                throw new MalformedBinaryException("Go build info pointer size " + pointerSize + " is neither 4 nor 8");
            }
            ByteOrder order = (flags & FLAGS_ENDIAN_BIG) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer pointers = ByteBuffer.wrap(
                            readAt(found + MAGIC.length + 2, 2L * pointerSize, "Go build info pointers"))
                    .order(order);
            version = string(goString(pointer(pointers, 0, pointerSize), pointerSize, order, MAX_VERSION));
            modinfo = goString(pointer(pointers, pointerSize, pointerSize), pointerSize, order, MAX_MODINFO);
        }
        if (version.isEmpty()) {
            throw new MalformedBinaryException("Go build info has an empty Go version");
        }
        // Strip the 16-byte sentinels cmd/go puts around the module information.
        String mod = "";
        if (modinfo.length >= 33 && modinfo[modinfo.length - 17] == '\n') {
            mod = string(Arrays.copyOfRange(modinfo, 16, modinfo.length - 16));
        }
        return GoModInfoParser.parse(version, mod);
    }

    /** The address of the first aligned magic in {@code [start, start + size)}, or -1. */
    long find(long start, long size) throws IOException, MalformedBinaryException {
        long end = start + size;
        if (Long.compareUnsigned(end, start) < 0) {
            throw new MalformedBinaryException("Go build info search range overflows the address space");
        }
        long address = start + (ALIGN - 1) & -ALIGN;
        if (Long.compareUnsigned(address, start) < 0) {
            return -1;
        }
        long scanned = 0;
        while (Long.compareUnsigned(address, end) < 0 && scanned < MAX_SCAN) {
            AddressMap.Location location = memory.locate(address);
            if (location == null) {
                return -1;
            }
            long n = Math.min(CHUNK, MAX_SCAN - scanned);
            n = unsignedMin(n, location.available());
            n = unsignedMin(n, end - address);
            byte[] data = file.bytes(location.fileOffset(), n, "Go build info search");
            int first = (int) ((ALIGN - (address & (ALIGN - 1))) & (ALIGN - 1));
            for (int i = first; i + MAGIC.length <= data.length; i += ALIGN) {
                if (matches(data, i)) {
                    long hit = address + i;
                    if (Long.compareUnsigned(end - hit, HEADER_SIZE) < 0) {
                        return -1;
                    }
                    return hit;
                }
            }
            address += n;
            scanned += n;
        }
        return -1;
    }

    private static boolean matches(byte[] data, int at) {
        for (int k = 0; k < MAGIC.length; k++) {
            if (data[at + k] != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    /** A varint-length-prefixed string at {@code address}; stores the address after it in {@code next[0]}. */
    private byte[] varintString(long address, int max, long[] next) throws IOException, MalformedBinaryException {
        AddressMap.Location location = locate(address, "Go build info string");
        byte[] prefix =
                file.bytes(location.fileOffset(), unsignedMin(10, location.available()), "Go build info string");
        long length = 0;
        int shift = 0;
        int used = 0;
        while (true) {
            if (used >= prefix.length) {
                throw new MalformedBinaryException("Go build info string length is truncated");
            }
            int b = prefix[used++] & 0xff;
            if (used == 10 && b > 1) {
                throw new MalformedBinaryException("Go build info string length overflows");
            }
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        if (Long.compareUnsigned(length, max) > 0) {
            throw new MalformedBinaryException(
                    "Go build info string of " + Long.toUnsignedString(length) + " bytes is larger than " + max);
        }
        byte[] data = readAt(address + used, length, "Go build info string");
        next[0] = address + used + length;
        return data;
    }

    /** A Go string header (pointer, length) at {@code address}, and the bytes it points to. */
    private byte[] goString(long address, int pointerSize, ByteOrder order, int max)
            throws IOException, MalformedBinaryException {
        ByteBuffer header = ByteBuffer.wrap(readAt(address, 2L * pointerSize, "Go string header"))
                .order(order);
        long data = pointer(header, 0, pointerSize);
        long length = pointer(header, pointerSize, pointerSize);
        if (Long.compareUnsigned(length, max) > 0) {
            throw new MalformedBinaryException(
                    "Go build info string of " + Long.toUnsignedString(length) + " bytes is larger than " + max);
        }
        return readAt(data, length, "Go build info string");
    }

    private static long pointer(ByteBuffer buffer, int at, int pointerSize) {
        return pointerSize == 4 ? buffer.getInt(at) & 0xffffffffL : buffer.getLong(at);
    }

    /** Exactly {@code length} bytes at a virtual address, all inside one region. */
    private byte[] readAt(long address, long length, String what) throws IOException, MalformedBinaryException {
        AddressMap.Location location = locate(address, what);
        if (Long.compareUnsigned(length, location.available()) > 0) {
            throw new MalformedBinaryException(
                    what + " at address 0x" + Long.toHexString(address) + " runs past the end of its segment");
        }
        return file.bytes(location.fileOffset(), length, what);
    }

    private AddressMap.Location locate(long address, String what) throws MalformedBinaryException {
        AddressMap.Location location = memory.locate(address);
        if (location == null) {
            throw new MalformedBinaryException(what + " at address 0x" + Long.toHexString(address)
                    + " is not mapped by any segment with file contents");
        }
        return location;
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
