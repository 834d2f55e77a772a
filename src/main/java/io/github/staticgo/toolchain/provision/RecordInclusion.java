package io.github.staticgo.toolchain.provision;

import java.util.Arrays;

/**
 * Proves that a record is the one at its index in a signed tree: the root is recomputed from the
 * record's own hash and the hashes of the complete subtrees beside it, read from the database's tiles,
 * and must equal the signed root. A proxy can then change neither the record nor the tiles unnoticed.
 */
final class RecordInclusion {
    private final TreeTiles tiles;
    private final SignedTreeHead tree;

    /** @param tiles the tiles of {@code tree} */
    RecordInclusion(TreeTiles tiles, SignedTreeHead tree) {
        this.tiles = tiles;
        this.tree = tree;
    }

    /** Whether {@code recordText} is the record at {@code index} of the tree. */
    boolean proves(long index, byte[] recordText) throws ChecksumDatabaseException {
        if (index < 0 || index >= tree.size()) {
            return false;
        }
        return Arrays.equals(subtreeRoot(0, tree.size(), index, TreeTiles.recordHash(recordText)), tree.rootHash());
    }

    /** The root of records [from, to), RFC 6962 style, the record at {@code index} hashing as {@code recordHash}. */
    private byte[] subtreeRoot(long from, long to, long index, byte[] recordHash) throws ChecksumDatabaseException {
        if (index < from || index >= to) {
            return tiles.root(from, to);
        }
        if (to - from == 1) {
            return recordHash;
        }
        long split = TreeTiles.split(to - from);
        return TreeTiles.nodeHash(
                subtreeRoot(from, from + split, index, recordHash), subtreeRoot(from + split, to, index, recordHash));
    }
}
