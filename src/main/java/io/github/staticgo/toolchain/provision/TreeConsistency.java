package io.github.staticgo.toolchain.provision;

import java.util.Arrays;

/**
 * Proves that an older signed tree is a prefix of a newer one, from the newer tree's tiles, as go's
 * checksum database client does before it believes a new tree head (tlog's ProveTree and CheckTree run
 * as one walk): both roots are recomputed from the same complete subtrees of the newer tree, so the
 * older root holds only hashes that the newer signed root vouches for.
 */
final class TreeConsistency {
    private TreeConsistency() {}

    /** Whether the tree {@code older} is the first records of {@code newer}, whose tiles are {@code tiles}. */
    static boolean proves(SignedTreeHead older, SignedTreeHead newer, TreeTiles tiles)
            throws ChecksumDatabaseException {
        if (older.size() > newer.size() || tiles.treeSize() != newer.size()) {
            return false;
        }
        if (older.size() == newer.size()) {
            return Arrays.equals(older.rootHash(), newer.rootHash());
        }
        byte[][] roots = roots(0, newer.size(), older.size(), tiles);
        return Arrays.equals(roots[0], older.rootHash()) && Arrays.equals(roots[1], newer.rootHash());
    }

    /**
     * The roots of records [lo, n) and [lo, hi) (lo &lt; n &lt;= hi): the subtree beside the older tree's
     * edge is shared; the split is RFC 6962's, which is the older tree's own split wherever it reaches past it.
     */
    private static byte[][] roots(long lo, long hi, long n, TreeTiles tiles) throws ChecksumDatabaseException {
        if (n == hi) {
            byte[] root = tiles.root(lo, hi);
            return new byte[][] {root, root};
        }
        long middle = lo + TreeTiles.split(hi - lo);
        if (n <= middle) {
            byte[][] left = roots(lo, middle, n, tiles);
            return new byte[][] {left[0], TreeTiles.nodeHash(left[1], tiles.root(middle, hi))};
        }
        byte[] left = tiles.root(lo, middle);
        byte[][] right = roots(middle, hi, n, tiles);
        return new byte[][] {TreeTiles.nodeHash(left, right[0]), TreeTiles.nodeHash(left, right[1])};
    }
}
