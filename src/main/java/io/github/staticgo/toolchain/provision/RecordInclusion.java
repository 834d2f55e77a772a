package io.github.staticgo.toolchain.provision;

import io.github.staticgo.FileDigest;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Proves that a record is the one at its index in a signed tree: the root is recomputed from the
 * record's own hash and the hashes of the complete subtrees beside it, read from the database's tiles,
 * and must equal the signed root. A proxy can then change neither the record nor the tiles unnoticed.
 * Hashing is RFC 6962's, as golang.org/x/mod/sumdb/tlog: a record hashes as SHA-256(0x00 || text), an
 * inner node as SHA-256(0x01 || left || right); tiles are 2^8 hashes wide.
 */
final class RecordInclusion {
    /** Fetches one tile by its path below the database, e.g. "tile/8/0/x001/234.p/17". */
    @FunctionalInterface
    interface TileSource {
        byte[] fetch(String tilePath) throws ChecksumDatabaseException;
    }

    private static final int TILE_HEIGHT = 8;
    private static final int HASH_SIZE = 32;

    private final TileSource tiles;
    private final SignedTreeHead tree;
    private final Map<String, byte[]> fetched = new HashMap<>();

    RecordInclusion(TileSource tiles, SignedTreeHead tree) {
        this.tiles = tiles;
        this.tree = tree;
    }

    /** Whether {@code recordText} is the record at {@code index} of the tree. */
    boolean proves(long index, byte[] recordText) throws ChecksumDatabaseException {
        if (index < 0 || index >= tree.size()) {
            return false;
        }
        byte[] recordHash = hash((byte) 0, recordText, new byte[0]);
        return Arrays.equals(subtreeRoot(0, tree.size(), index, recordHash), tree.rootHash());
    }

    static byte[] hash(byte prefix, byte[] first, byte[] second) {
        MessageDigest sha256 = FileDigest.newSha256();
        sha256.update(prefix);
        sha256.update(first);
        sha256.update(second);
        return sha256.digest();
    }

    /** The root of leaves [from, to), RFC 6962 style; the leaf at {@code index} is {@code recordHash}. */
    private byte[] subtreeRoot(long from, long to, long index, byte[] recordHash) throws ChecksumDatabaseException {
        long width = to - from;
        boolean holdsRecord = from <= index && index < to;
        if (width == 1 && holdsRecord) {
            return recordHash;
        }
        if (!holdsRecord && Long.bitCount(width) == 1) {
            int level = Long.numberOfTrailingZeros(width);
            return storedHash(level, from >> level);
        }
        long split = Long.highestOneBit(width - 1);
        return hash(
                (byte) 1,
                subtreeRoot(from, from + split, index, recordHash),
                subtreeRoot(from + split, to, index, recordHash));
    }

    /** The hash of the complete subtree of 2^level leaves numbered {@code number} at that level. */
    private byte[] storedHash(int level, long number) throws ChecksumDatabaseException {
        int tileLevel = level / TILE_HEIGHT;
        int levelsAbove = level % TILE_HEIGHT;
        long first = number << levelsAbove; // first hash at the tile's bottom level
        long tileNumber = first >> TILE_HEIGHT;
        byte[] tile = tile(tileLevel, tileNumber);
        int offset = (int) (first - (tileNumber << TILE_HEIGHT));
        return merkleRoot(tile, offset, 1 << levelsAbove);
    }

    private static byte[] merkleRoot(byte[] tile, int offset, int count) throws ChecksumDatabaseException {
        if ((offset + count) * HASH_SIZE > tile.length) {
            throw new ChecksumDatabaseException("the checksum database sent a tile too short for the tree it signed.");
        }
        if (count == 1) {
            return Arrays.copyOfRange(tile, offset * HASH_SIZE, (offset + 1) * HASH_SIZE);
        }
        return hash((byte) 1, merkleRoot(tile, offset, count / 2), merkleRoot(tile, offset + count / 2, count / 2));
    }

    /** The tile as wide as the signed tree makes it: full, or partial (".p/<width>") at the tree's right edge. */
    private byte[] tile(int tileLevel, long tileNumber) throws ChecksumDatabaseException {
        long hashesAtLevel = tree.size() >> (tileLevel * TILE_HEIGHT);
        long width = Math.min(1L << TILE_HEIGHT, hashesAtLevel - (tileNumber << TILE_HEIGHT));
        String path = "tile/" + TILE_HEIGHT + "/" + tileLevel + "/" + tileIndexPath(tileNumber)
                + (width == 1L << TILE_HEIGHT ? "" : ".p/" + width);
        byte[] tile = fetched.get(path);
        if (tile == null) {
            tile = tiles.fetch(path);
            if (tile.length != width * HASH_SIZE) {
                throw new ChecksumDatabaseException("the checksum database sent " + tile.length + " bytes for " + path
                        + ", not the " + width * HASH_SIZE + " its width needs.");
            }
            fetched.put(path, tile);
        }
        return tile;
    }

    /** A tile number in groups of three digits, all but the last prefixed with 'x': 1234067 is "x001/x234/067". */
    static String tileIndexPath(long number) {
        String path = String.format("%03d", number % 1000);
        for (long rest = number / 1000; rest > 0; rest /= 1000) {
            path = String.format("x%03d/", rest % 1000) + path;
        }
        return path;
    }
}
