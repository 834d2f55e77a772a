package io.github.staticgo.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hand-made ELF images for cases no toolchain produces: hostile headers, PN_XNUM, UPX layout,
 * pre-1.18 Go build info. Field offsets follow the System V gABI ({@code elf.h}).
 */
final class ElfImage {

    static final int PT_LOAD = 1;
    static final int PT_DYNAMIC = 2;
    static final int PT_INTERP = 3;
    static final int PF_R = 4;
    static final int PF_W = 2;
    static final int PF_X = 1;

    final boolean is64;
    final ByteBuffer buffer;

    ElfImage(int size, boolean is64, ByteOrder order) {
        this.is64 = is64;
        this.buffer = ByteBuffer.allocate(size).order(order);
    }

    static ElfImage elf64(int size) {
        return new ElfImage(size, true, ByteOrder.LITTLE_ENDIAN);
    }

    int ehsize() {
        return is64 ? 64 : 52;
    }

    int phentsize() {
        return is64 ? 56 : 32;
    }

    int shentsize() {
        return is64 ? 64 : 40;
    }

    /** Writes the ELF header; program headers are expected right after it unless {@code phoff} says otherwise. */
    ElfImage header(int type, int machine, long phoff, int phnum, long shoff, int shnum, int shstrndx) {
        buffer.put(0, (byte) 0x7f).put(1, (byte) 'E').put(2, (byte) 'L').put(3, (byte) 'F');
        buffer.put(4, (byte) (is64 ? 2 : 1));
        buffer.put(5, (byte) (buffer.order() == ByteOrder.LITTLE_ENDIAN ? 1 : 2));
        buffer.put(6, (byte) 1);
        buffer.putShort(16, (short) type).putShort(18, (short) machine).putInt(20, 1);
        if (is64) {
            buffer.putLong(24, 0x401000).putLong(32, phoff).putLong(40, shoff);
            buffer.putShort(52, (short) 64).putShort(54, (short) 56).putShort(56, (short) phnum);
            buffer.putShort(58, (short) 64).putShort(60, (short) shnum).putShort(62, (short) shstrndx);
        } else {
            buffer.putInt(24, 0x401000).putInt(28, (int) phoff).putInt(32, (int) shoff);
            buffer.putShort(40, (short) 52).putShort(42, (short) 32).putShort(44, (short) phnum);
            buffer.putShort(46, (short) 40).putShort(48, (short) shnum).putShort(50, (short) shstrndx);
        }
        return this;
    }

    ElfImage flags(int flags) {
        buffer.putInt(is64 ? 48 : 36, flags);
        return this;
    }

    ElfImage phdr(int index, long phoff, int type, int flags, long offset, long vaddr, long filesz, long memsz) {
        int at = (int) (phoff + (long) index * phentsize());
        if (is64) {
            buffer.putInt(at, type)
                    .putInt(at + 4, flags)
                    .putLong(at + 8, offset)
                    .putLong(at + 16, vaddr)
                    .putLong(at + 24, vaddr)
                    .putLong(at + 32, filesz)
                    .putLong(at + 40, memsz)
                    .putLong(at + 48, 0x1000);
        } else {
            buffer.putInt(at, type)
                    .putInt(at + 4, (int) offset)
                    .putInt(at + 8, (int) vaddr)
                    .putInt(at + 12, (int) vaddr)
                    .putInt(at + 16, (int) filesz)
                    .putInt(at + 20, (int) memsz)
                    .putInt(at + 24, flags)
                    .putInt(at + 28, 0x1000);
        }
        return this;
    }

    /** Section header {@code index}; for index 0 this is where PN_XNUM/SHN_XINDEX counts live. */
    ElfImage shdr(int index, long shoff, int name, int type, long offset, long size, int link, int info) {
        int at = (int) (shoff + (long) index * shentsize());
        if (is64) {
            buffer.putInt(at, name)
                    .putInt(at + 4, type)
                    .putLong(at + 24, offset)
                    .putLong(at + 32, size)
                    .putInt(at + 40, link)
                    .putInt(at + 44, info);
        } else {
            buffer.putInt(at, name)
                    .putInt(at + 4, type)
                    .putInt(at + 16, (int) offset)
                    .putInt(at + 20, (int) size)
                    .putInt(at + 24, link)
                    .putInt(at + 28, info);
        }
        return this;
    }

    /** A dynamic entry {@code (tag, value)} at {@code offset + index * entry size}. */
    ElfImage dyn(long offset, int index, long tag, long value) {
        int at = (int) offset + index * (is64 ? 16 : 8);
        if (is64) {
            buffer.putLong(at, tag).putLong(at + 8, value);
        } else {
            buffer.putInt(at, (int) tag).putInt(at + 4, (int) value);
        }
        return this;
    }

    ElfImage bytes(int offset, byte[] bytes) {
        buffer.put(offset, bytes);
        return this;
    }

    ElfImage ascii(int offset, String text) {
        return bytes(offset, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    byte[] toArray() {
        return buffer.array();
    }
}
