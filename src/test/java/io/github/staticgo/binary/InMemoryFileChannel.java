package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only {@link FileChannel} over a byte array, so the fuzz tests feed the analyzer exactly the
 * positional reads {@link BinaryAnalyzer#analyze(java.nio.file.Path)} makes on a real file, without a
 * file system round trip per input (which would cut the executions per second tenfold).
 */
final class InMemoryFileChannel extends FileChannel {
    private final byte[] data;
    private long position;

    InMemoryFileChannel(byte[] data) {
        this.data = data;
    }

    @Override
    public int read(ByteBuffer dst, long at) {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (at >= data.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), data.length - at);
        dst.put(data, (int) at, n);
        return n;
    }

    @Override
    public int read(ByteBuffer dst) {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {}

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        throw new UnsupportedOperationException("not used by the analyzer");
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("not used by the analyzer");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("not used by the analyzer");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("not used by the analyzer");
    }

    @Override
    protected void implCloseChannel() {}
}
