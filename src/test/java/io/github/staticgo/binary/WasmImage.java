package io.github.staticgo.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hand-made WebAssembly modules, laid out as the binary format of the WebAssembly core
 * specification says: {@code "\0asm"}, version 1, then sections of an id byte, an LEB128 size and
 * their contents. Go's own modules are megabytes; these hold only what the analyzer reads.
 */
final class WasmImage {

    static final int CUSTOM = 0;
    static final int TYPE = 1;
    static final int IMPORT = 2;
    static final int DATA = 11;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WasmImage() {
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    }

    /** Unsigned LEB128. */
    static byte[] leb(long value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            bytes.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return bytes.toByteArray();
    }

    /** A name: its length in LEB128, then its UTF-8 bytes. */
    static byte[] name(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return concat(leb(utf8.length), utf8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    WasmImage section(int id, byte[] contents) {
        out.write(id);
        out.writeBytes(leb(contents.length));
        out.writeBytes(contents);
        return this;
    }

    WasmImage custom(String name, byte[] contents) {
        return section(CUSTOM, concat(name(name), contents));
    }

    /** One function type {@code () -> ()}, which the imports refer to. */
    WasmImage functionType() {
        return section(TYPE, new byte[] {1, 0x60, 0, 0});
    }

    /** Function imports of type 0, one per module, each named {@code f}. */
    WasmImage imports(String... modules) {
        byte[] contents = leb(modules.length);
        for (String module : modules) {
            contents = concat(contents, name(module), name("f"), new byte[] {0, 0});
        }
        return section(IMPORT, contents);
    }

    /** Active segments of memory 0, the i-th at {@code addresses[i]} with {@code data[i]}. */
    WasmImage data(long[] addresses, byte[]... data) {
        byte[] contents = leb(data.length);
        for (int i = 0; i < data.length; i++) {
            contents = concat(
                    contents,
                    new byte[] {0, 0x41},
                    signedLeb(addresses[i]),
                    new byte[] {0x0b},
                    leb(data[i].length),
                    data[i]);
        }
        return section(DATA, contents);
    }

    /** Signed LEB128, as {@code i32.const} takes its operand. */
    private static byte[] signedLeb(long value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
            bytes.write(done ? b : b | 0x80);
            if (done) {
                return bytes.toByteArray();
            }
        }
    }

    /**
     * A module as Go writes one for GOOS=js: a {@code go:buildid} custom section, a {@code gojs}
     * import, and Go 1.18+ build info in data segments split where its header's zero padding is,
     * as Go's linker leaves runs of zeros out of the data section.
     */
    static byte[] goJs(String goVersion, String modinfo, String buildId) {
        byte[] info = FuzzSeeds.inlineBuildInfo(goVersion, modinfo);
        long at = 0x10000;
        return new WasmImage()
                .custom(
                        "go:buildid",
                        ("\u00ff Go build ID: \"" + buildId + "\"\n \u00ff").getBytes(StandardCharsets.ISO_8859_1))
                .functionType()
                .imports("gojs")
                .data(
                        new long[] {at, at + 32},
                        Arrays.copyOfRange(info, 0, 16),
                        Arrays.copyOfRange(info, 32, info.length))
                .toArray();
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
