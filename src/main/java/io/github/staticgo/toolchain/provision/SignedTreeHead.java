package io.github.staticgo.toolchain.provision;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A checksum database's signed tree head: the note "go.sum database tree\n&lt;size&gt;\n&lt;root hash&gt;\n",
 * opened only with a valid Ed25519 signature by the database's key (Go's note format: the text, a blank
 * line, then lines "— &lt;name&gt; base64(&lt;4-byte key hash&gt;&lt;signature&gt;)").
 *
 * @param size the number of records in the tree
 * @param rootHash the tree's Merkle root hash (RFC 6962 hashing, as golang.org/x/mod/sumdb/tlog)
 */
public record SignedTreeHead(long size, byte[] rootHash) {
    private static final String TREE_HEADER = "go.sum database tree";
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** Opens the note with {@code key}: refused unless the key signed it and the text is a tree head. */
    public static SignedTreeHead open(byte[] note, VerifierKey key) throws ChecksumDatabaseException {
        String text = new String(note, StandardCharsets.UTF_8);
        int split = text.lastIndexOf("\n\n");
        if (split < 0 || !text.endsWith("\n")) {
            throw new ChecksumDatabaseException("the checksum database " + key.name()
                    + " sent a tree head that is not a signed note (no blank line before its signatures).");
        }
        String signed = text.substring(0, split + 1);
        boolean verified = false;
        for (String line : text.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new ChecksumDatabaseException(
                        "the checksum database " + key.name() + " sent a tree head with a malformed signature line.");
            }
            String[] nameAndSignature =
                    line.substring(SIGNATURE_PREFIX.length()).split(" ", 2);
            byte[] signature = decodeSignature(nameAndSignature, key);
            if (key.name().equals(nameAndSignature[0])
                    && signature.length == 68
                    && keyHashOf(signature) == key.keyHash()) {
                if (!key.verifies(signed.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signature, 4, 68))) {
                    throw new ChecksumDatabaseException("the tree head of the checksum database " + key.name()
                            + " has a bad signature: it was not signed by the database's key. Nothing was installed.");
                }
                verified = true;
            }
        }
        if (!verified) {
            throw new ChecksumDatabaseException("the tree head sent for the checksum database " + key.name()
                    + " carries no signature by its key (" + String.format("%08x", key.keyHash())
                    + "): check GOSUMDB names the database the proxy serves.");
        }
        return parse(signed, key.name());
    }

    private static byte[] decodeSignature(String[] nameAndSignature, VerifierKey key) throws ChecksumDatabaseException {
        try {
            return nameAndSignature.length == 2 ? Base64.getDecoder().decode(nameAndSignature[1]) : new byte[0];
        } catch (IllegalArgumentException e) {
            throw new ChecksumDatabaseException(
                    "the checksum database " + key.name() + " sent a tree head whose signature is not base64.");
        }
    }

    private static int keyHashOf(byte[] signature) {
        return ((signature[0] & 0xff) << 24)
                | ((signature[1] & 0xff) << 16)
                | ((signature[2] & 0xff) << 8)
                | (signature[3] & 0xff);
    }

    private static SignedTreeHead parse(String signed, String name) throws ChecksumDatabaseException {
        List<String> lines = List.of(signed.split("\n"));
        try {
            if (lines.size() >= 3 && TREE_HEADER.equals(lines.get(0))) {
                byte[] root = Base64.getDecoder().decode(lines.get(2));
                long size = Long.parseLong(lines.get(1));
                if (root.length == 32 && size > 0) {
                    return new SignedTreeHead(size, root);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new ChecksumDatabaseException(
                "the checksum database " + name + " signed a note that is not a go.sum database tree head.");
    }
}
