package io.github.staticgo.binary;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A bounded window of a file read with positional reads: the whole file, or one architecture of
 * a fat Mach-O file. Every read is checked against the window before a buffer is allocated, so a
 * hostile offset or size becomes a {@link MalformedBinaryException}, never an unchecked exception
 * or a huge allocation.
 */
final class FileView {

    /** The largest single read; tables and strings bigger than this are refused, not read. */
    static final int MAX_READ = 16 << 20;

    private final FileChannel channel;
    private final long base;
    private final long size;

    FileView(FileChannel channel, long base, long size) {
        this.channel = channel;
        this.base = base;
        this.size = size;
    }

    long size() {
        return size;
    }

    /** A window inside this one; {@code offset} and {@code length} must lie within it. */
    FileView slice(long offset, long length, String what) throws MalformedBinaryException {
        check(offset, length, what);
        return new FileView(channel, base + offset, length);
    }

    /** Whether {@code [offset, offset + length)} lies inside the window (unsigned-safe). */
    boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    void check(long offset, long length, String what) throws MalformedBinaryException {
        if (!contains(offset, length)) {
            throw new MalformedBinaryException(String.format(
                    "%s at offset %s, %s bytes, lies outside the file (%d bytes)",
                    what, Long.toUnsignedString(offset), Long.toUnsignedString(length), size));
        }
    }

    /** Reads exactly {@code length} bytes at {@code offset}, or fails when they are not all there. */
    ByteBuffer read(long offset, long length, ByteOrder order, String what)
            throws IOException, MalformedBinaryException {
        check(offset, length, what);
        if (length > MAX_READ) {
            throw new MalformedBinaryException(String.format(
                    "%s at offset %d is %d bytes; refusing more than %d", what, offset, length, MAX_READ));
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        long position = base + offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("file shrank while being read: " + what);
            }
            position += n;
        }
        return buffer.flip().order(order);
    }

    /** Reads up to {@code length} bytes at {@code offset}, fewer when the window ends first. */
    byte[] readUpTo(long offset, int length) throws IOException, MalformedBinaryException {
        if (offset < 0 || offset > size) {
            return new byte[0];
        }
        long n = Math.min(length, size - offset);
        ByteBuffer buffer = read(offset, n, ByteOrder.LITTLE_ENDIAN, "data");
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    byte[] bytes(long offset, long length, String what) throws IOException, MalformedBinaryException {
        ByteBuffer buffer = read(offset, length, ByteOrder.LITTLE_ENDIAN, what);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
