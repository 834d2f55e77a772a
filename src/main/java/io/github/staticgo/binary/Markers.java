package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Byte patterns that identify a packer, a Go build ID or glibc's NSS code, searched in bounded windows. */
final class Markers {

    /** The most read-only data searched for NSS strings in one file. */
    static final long MAX_NSS_SCAN = 64L << 20;

    private static final int CHUNK = 1 << 20;
    private static final byte[] UPX = ascii("UPX!");
    /**
     * The strings glibc's NSS module loader builds library and function names from: the format
     * strings of glibc 2.34 and later ({@code nss/nss_module.c}) and the {@code libnss_} prefix
     * older glibc copied ({@code nss/nsswitch.c}). Each is a whole C string, so it is searched
     * with the NUL before and after it; {@code /etc/nsswitch.conf} is not among them because Go's
     * own resolver reads that file too.
     */
    private static final byte[][] NSS_LOADER_STRINGS = {
        cString("libnss_%s.so%s"), cString("_nss_%s_%s"), cString("libnss_")
    };

    private static final byte[] GO_BUILD_ID_PREFIX = latin1("\u00ff Go build ID: \"");
    private static final byte[] GO_BUILD_ID_END = latin1("\"\n \u00ff");
    /** How far from the start Go's own build ID reader looks, as cmd/internal/buildid does. */
    static final int GO_BUILD_ID_WINDOW = 32 * 1024;

    private Markers() {}

    /**
     * Whether UPX's {@code UPX!} magic appears in the first 4 KiB. UPX writes it in the
     * {@code l_info} block right after the program headers of a packed ELF file (and in the
     * packed headers of PE and Mach-O files).
     */
    static boolean hasUpxMarker(FileView file) throws IOException, MalformedBinaryException {
        byte[] head = file.readUpTo(0, ElfReader.UPX_WINDOW);
        return indexOf(head, UPX, 0) >= 0;
    }

    /**
     * Whether one of glibc's NSS loader strings lies in the file ranges {@code {offset, length}}.
     * A string at the very start of a range has no NUL before it in the range and still counts.
     */
    static boolean containsNssLoaderStrings(FileView file, List<long[]> ranges)
            throws IOException, MalformedBinaryException {
        int overlap = 0;
        for (byte[] pattern : NSS_LOADER_STRINGS) {
            overlap = Math.max(overlap, pattern.length - 1);
        }
        long budget = MAX_NSS_SCAN;
        for (long[] range : ranges) {
            long offset = range[0];
            long end = offset + Math.min(range[1], budget);
            while (offset < end) {
                long n = Math.min(CHUNK, end - offset);
                byte[] data = file.bytes(offset, n, "read-only data");
                if (offset == range[0]) {
                    data = withLeadingNul(data);
                }
                for (byte[] pattern : NSS_LOADER_STRINGS) {
                    if (indexOf(data, pattern, 0) >= 0) {
                        return true;
                    }
                }
                budget -= n;
                if (offset + n >= end) {
                    break;
                }
                offset += n - overlap; // overlap so that a string across two chunks is still seen
            }
            if (budget <= 0) {
                break;
            }
        }
        return false;
    }

    /**
     * The Go build ID that the Go linker writes at the start of the text of non-ELF binaries,
     * {@code \xff Go build ID: "..."\n \xff}, searched in {@code data}; null when absent or broken.
     */
    static String goBuildId(byte[] data) {
        int start = indexOf(data, GO_BUILD_ID_PREFIX, 0);
        if (start < 0) {
            return null;
        }
        int from = start + GO_BUILD_ID_PREFIX.length;
        int end = indexOf(data, GO_BUILD_ID_END, from);
        if (end < 0) {
            return null;
        }
        String quoted = "\"" + new String(data, from, end - from, StandardCharsets.ISO_8859_1) + "\"";
        try {
            return GoModInfoParser.unquote(quoted, 1);
        } catch (MalformedBinaryException e) {
            return null;
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i + pattern.length <= data.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] withLeadingNul(byte[] data) {
        byte[] copy = new byte[data.length + 1];
        System.arraycopy(data, 0, copy, 1, data.length);
        return copy;
    }

    /** {@code s} as a C string with the NUL that ends the string before it. */
    private static byte[] cString(String s) {
        return ascii("\0" + s + "\0");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
