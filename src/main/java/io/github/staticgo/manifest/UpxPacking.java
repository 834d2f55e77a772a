package io.github.staticgo.manifest;

/**
 * What the compress goal did to one binary of build.json ({@code "upx"}); absent when it did not run.
 *
 * @param packed whether the file under {@code file} is now the UPX-packed binary
 * @param version the UPX version that packed it ({@code 4.2.4}), or null when not packed
 * @param sizeBefore the unpacked size in bytes, or null when not packed
 * @param sizeAfter the packed size in bytes, or null when not packed
 * @param unpackedFile the unpacked original, relative to the directory of build.json, or null when not packed
 * @param unpackedSha256 the unpacked original's SHA-256, or null when not packed
 * @param reason why it was not packed (unsupported target, UPX missing or failed), or null
 */
public record UpxPacking(
        boolean packed,
        String version,
        Long sizeBefore,
        Long sizeAfter,
        String unpackedFile,
        String unpackedSha256,
        String reason) {

    public static UpxPacking notPacked(String reason) {
        return new UpxPacking(false, null, null, null, null, null, reason);
    }
}
