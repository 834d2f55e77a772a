package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an executable file (ELF, PE/COFF, thin or fat Mach-O, WebAssembly) and reports its format, platform,
 * linkage and Go build information, without running it or any external tool.
 *
 * <p>The work per file is bounded by its headers and tables, not its size: tables are read with
 * positional reads after their offsets and sizes have been checked against the file, counts are
 * capped, and only the Go build information search (and, for statically linked non-Go binaries,
 * the glibc NSS search) reads inside one section, at most 64 MiB of it.
 *
 * <p>Stateless and thread-safe.
 */
public final class BinaryAnalyzer {

    /**
     * Analyses one file.
     *
     * @return the report; a file of a format the analyzer does not read is reported as
     *         {@link Format#UNKNOWN}, not as an error
     * @throws MalformedBinaryException when the file is an ELF, PE, Mach-O or WebAssembly file
     *                                  whose headers are truncated or inconsistent
     * @throws IOException              when the file cannot be read
     */
    public BinaryReport analyze(Path file) throws IOException, MalformedBinaryException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileView view = new FileView(channel, 0, channel.size());
            return analyze(view);
        }
    }

    static BinaryReport analyze(FileView view) throws IOException, MalformedBinaryException {
        byte[] head = view.readUpTo(0, 4);
        if (head.length < 2) {
            return BinaryReport.unknown(view.size());
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            BinaryReport report = PeReader.read(view);
            return report != null ? report : BinaryReport.unknown(view.size());
        }
        if (head.length < 4) {
            return BinaryReport.unknown(view.size());
        }
        int magic = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt();
        if (magic == 0x7f454c46) { // "\x7fELF"
            return ElfReader.read(view);
        }
        if (magic == WasmReader.MAGIC) {
            return WasmReader.read(view);
        }
        if (MachOReader.isThin(magic)) {
            return MachOReader.readThin(view);
        }
        if (MachOReader.isFat(magic)) {
            BinaryReport report = MachOReader.readFat(view);
            return report != null ? report : BinaryReport.unknown(view.size());
        }
        return BinaryReport.unknown(view.size());
    }
}
