package io.github.staticgo.toolchain.provision;

import io.github.staticgo.FileDigest;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The hashes of one signed tree as its database's tiles hold them (golang.org/x/mod/sumdb/tlog): tiles
 * are 2^8 hashes wide, a tile of level L holds the hashes of complete subtrees of 2^(8L) records, and
 * the tiles at the tree's right edge are partial (".p/&lt;width&gt;"). Hashing is RFC 6962's: a record
 * hashes as SHA-256(0x00 || text), an inner node as SHA-256(0x01 || left || right). Nothing read here
 * is trusted by itself: a caller recomputes a signed root from it, which a changed tile would not give.
 */
final class TreeTiles {
    /** Fetches one tile by its path below the database, e.g. "tile/8/0/x001/234.p/17". */
    @FunctionalInterface
    interface TileSource {
        byte[] fetch(String tilePath) throws ChecksumDatabaseException;
    }

    private static final int TILE_HEIGHT = 8;
    private static final int HASH_SIZE = 32;

    private final TileSource tiles;
    private final long treeSize;
    private final Map<String, byte[]> fetched = new HashMap<>();

    /** @param treeSize the size of the tree whose tiles are read, which decides how wide its edge tiles are */
    TreeTiles(TileSource tiles, long treeSize) {
        this.tiles = tiles;
        this.treeSize = treeSize;
    }

    long treeSize() {
        return treeSize;
    }

    static byte[] recordHash(byte[] recordText) {
        return hash((byte) 0, recordText, new byte[0]);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return hash((byte) 1, left, right);
    }

    private static byte[] hash(byte prefix, byte[] first, byte[] second) {
        MessageDigest sha256 = FileDigest.newSha256();
        sha256.update(prefix);
        sha256.update(first);
        sha256.update(second);
        return sha256.digest();
    }

    /** The largest power of two below {@code width} (at least 2): where RFC 6962 splits a tree of that width. */
    static long split(long width) {
        return Long.highestOneBit(width - 1);
    }

    /** The root of records [from, to) of this tree, from the complete subtrees it is made of. */
    byte[] root(long from, long to) throws ChecksumDatabaseException {
        long width = to - from;
        if (Long.bitCount(width) == 1 && from % width == 0) {
            int level = Long.numberOfTrailingZeros(width);
            return storedHash(level, from >> level);
        }
        long split = split(width);
        return nodeHash(root(from, from + split), root(from + split, to));
    }

    /** The hash of the complete subtree of 2^level records numbered {@code number} at that level. */
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
        return nodeHash(merkleRoot(tile, offset, count / 2), merkleRoot(tile, offset + count / 2, count / 2));
    }

    /** The tile as wide as the tree makes it: full, or partial (".p/<width>") at the tree's right edge. */
    private byte[] tile(int tileLevel, long tileNumber) throws ChecksumDatabaseException {
        long hashesAtLevel = treeSize >> (tileLevel * TILE_HEIGHT);
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
