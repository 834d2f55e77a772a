package io.github.staticgo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests of a file, streamed: SHA-256 as build.json and the verify report record it, SHA-512 for SBOMs;
 * and the SHA-256 of a text.
 */
public final class FileDigest {
    private FileDigest() {}

    public static String sha256(Path file) throws IOException {
        return hex(file, "SHA-256");
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex: for keys made of facts rather than of one file. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha512(Path file) throws IOException {
        return hex(file, "SHA-512");
    }

    private static String hex(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest newSha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
