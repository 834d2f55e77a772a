package io.github.staticgo.toolchain.provision;

import io.github.staticgo.FileDigest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A checksum database's public key in Go's note format, {@code <name>+<hash>+<keydata>}
 * (golang.org/x/mod/sumdb/note): keydata is base64 of the algorithm byte (1, Ed25519) and the 32-byte
 * key, and hash is the first four bytes of SHA-256 over name, a newline and keydata's bytes, so the hash
 * also pins the name.
 *
 * @param name the database's name, which is also its host name
 * @param keyHash the four bytes that open each of its signatures
 */
public record VerifierKey(String name, int keyHash, PublicKey publicKey) {
    private static final byte ALGORITHM_ED25519 = 1;
    /** The DER prefix of an X.509 SubjectPublicKeyInfo of an Ed25519 key (RFC 8410), followed by the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * The hash and keydata of Go's default checksum database (what go uses when GOSUMDB is unset), as
     * Go's source holds them (cmd/go/internal/modfetch/key.go). Its name is not written here: GOSUMDB
     * set to that name alone (as {@code go env GOSUMDB} prints it) is recognised by the hash, which
     * pins the name.
     */
    private static final String GO_DEFAULT_HASH_AND_KEY = "033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    /** Go's default database's key when {@code name} is its name; empty for any other name. */
    public static Optional<VerifierKey> goDefaultNamed(String name) {
        try {
            return Optional.of(parse(name + "+" + GO_DEFAULT_HASH_AND_KEY));
        } catch (ChecksumDatabaseException otherName) {
            return Optional.empty();
        }
    }

    /** Parses {@code <name>+<hash>+<keydata>}; the message says which part is wrong. */
    public static VerifierKey parse(String text) throws ChecksumDatabaseException {
        int first = text.indexOf('+');
        int second = first < 0 ? -1 : text.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new ChecksumDatabaseException("the checksum database key '" + text
                    + "' is not of the form <name>+<hash>+<keydata>, as go env GOSUMDB prints a full key.");
        }
        String name = text.substring(0, first);
        String hashText = text.substring(first + 1, second);
        byte[] keyData;
        try {
            keyData = Base64.getDecoder().decode(text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new ChecksumDatabaseException(
                    "the checksum database key of " + name + " has keydata that is not base64.");
        }
        if (!hashText.matches("[0-9a-f]{8}") || keyData.length != 33 || keyData[0] != ALGORITHM_ED25519) {
            throw new ChecksumDatabaseException("the checksum database key of " + name
                    + " is not an Ed25519 key of Go's note format (8 hex digits of hash, algorithm 1, 32 key bytes).");
        }
        int expectedHash = keyHash(name, keyData);
        if (expectedHash != Integer.parseUnsignedInt(hashText, 16)) {
            throw new ChecksumDatabaseException("the checksum database key of " + name + " does not match its own hash "
                    + hashText + ": the name or the key was changed.");
        }
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(keyData, 1, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            return new VerifierKey(
                    name, expectedHash, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException e) {
            throw new ChecksumDatabaseException("the checksum database key of " + name + " is not usable: " + e);
        }
    }

    private static int keyHash(String name, byte[] keyData) {
        MessageDigest sha256 = FileDigest.newSha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(keyData);
        byte[] sum = sha256.digest();
        return ((sum[0] & 0xff) << 24) | ((sum[1] & 0xff) << 16) | ((sum[2] & 0xff) << 8) | (sum[3] & 0xff);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
