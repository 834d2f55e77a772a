package io.github.staticgo.oci;

import io.github.staticgo.FileDigest;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A layer as a reproducible tar.gz: entries sorted by path, every missing parent directory added (root, 0755),
 * one fixed time, owners by number with no names, and gzip's header without name or time (the JDK writes none
 * unless asked), so the same entries give the same digest on every machine with the same JDK. Written as a
 * stream: the tar is compressed and both digests taken as it is written, nothing of it held whole.
 *
 * @param descriptor the compressed layer, as pushed and as the manifest names it
 * @param diffId the digest of the uncompressed tar, as the config's {@code rootfs} names it
 */
public record Layer(Descriptor descriptor, String diffId) {
    private static final int BUFFER = 1 << 16;

    /** Writes the layer of {@code entries} to {@code out}, and closes it. */
    public static Layer write(Collection<LayerEntry> entries, Instant time, OutputStream out) throws IOException {
        MessageDigest compressedDigest = FileDigest.newSha256();
        MessageDigest tarDigest = FileDigest.newSha256();
        CountingOutputStream compressed = new CountingOutputStream(new DigestOutputStream(out, compressedDigest));
        tar(
                withParents(entries),
                time,
                new BufferedOutputStream(new DigestOutputStream(new FastestGzip(compressed), tarDigest), BUFFER));
        return new Layer(
                new Descriptor(MediaTypes.LAYER_GZIP, sha256(compressedDigest), compressed.count, null, null),
                sha256(tarDigest));
    }

    /** A tar of {@code entries} in the order given (the layout archive's order, which the caller sorts); closes out. */
    public static void tar(List<LayerEntry> entries, Instant time, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (LayerEntry entry : entries) {
                TarArchiveEntry header = header(entry, time);
                tar.putArchiveEntry(header);
                if (entry.content() != null) {
                    entry.content().writeTo(tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static String sha256(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Counts what passes, for the compressed layer's size. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }

    /**
     * Deflate's fastest level: on a Go binary about four times faster than the default and about a tenth larger
     * (bench/image.sh), which keeps the image goal a small part of mvn verify. A fixed level, so still the same
     * bytes for the same tar.
     */
    private static final class FastestGzip extends GZIPOutputStream {
        FastestGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static TarArchiveEntry header(LayerEntry entry, Instant time) {
        TarArchiveEntry header = switch (entry.kind()) {
            case FILE -> new TarArchiveEntry(entry.path(), TarConstants.LF_NORMAL, true);
            case DIRECTORY -> new TarArchiveEntry(entry.path() + "/", TarConstants.LF_DIR, true);
            case SYMLINK -> new TarArchiveEntry(entry.path(), TarConstants.LF_SYMLINK, true);
        };
        if (entry.kind() == LayerEntry.Kind.SYMLINK) {
            header.setLinkName(entry.linkTarget());
        }
        if (entry.content() != null) {
            header.setSize(entry.content().size());
        }
        header.setMode(modeBits(entry));
        header.setIds(entry.uid(), entry.gid());
        // No names: a reader maps the numbers with the image's own /etc/passwd, not the builder's.
        header.setNames("", "");
        header.setLastModifiedTime(FileTime.from(time));
        return header;
    }

    private static int modeBits(LayerEntry entry) {
        int type = switch (entry.kind()) {
            case FILE -> 0100000;
            case DIRECTORY -> 040000;
            case SYMLINK -> 0120000;
        };
        return type | entry.mode();
    }

    /** The entries sorted by path, with a directory entry for every parent none names. */
    private static List<LayerEntry> withParents(Collection<LayerEntry> entries) {
        TreeMap<String, LayerEntry> byPath = new TreeMap<>();
        for (LayerEntry entry : entries) {
            if (byPath.put(entry.path(), entry) != null) {
                throw new IllegalArgumentException("two entries for " + entry.path());
            }
        }
        for (LayerEntry entry : new ArrayList<>(byPath.values())) {
            String path = entry.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                byPath.putIfAbsent(path.substring(0, slash), LayerEntry.directory(path.substring(0, slash)));
            }
        }
        return new ArrayList<>(byPath.values());
    }
}
