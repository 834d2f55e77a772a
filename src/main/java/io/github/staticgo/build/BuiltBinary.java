package io.github.staticgo.build;

/**
 * One binary in build.json: what it was built for and its SHA-256, for the goals that come after build.
 *
 * @param file the file name, relative to the directory of build.json
 * @param variant the architecture variant, or null
 * @param cgo off, musl or on
 * @param size the size of {@code file}; after compress, of the packed file
 * @param sha256 the SHA-256 of {@code file}; after compress, of the packed file
 * @param upx what the compress goal did, or null when it did not run
 */
public record BuiltBinary(String file, String goPackage, String goos, String goarch, String variant, String cgo,
        String classifier, long size, String sha256, UpxPacking upx) {

    /** A binary as go build wrote it, before any packing. */
    public BuiltBinary(String file, String goPackage, String goos, String goarch, String variant, String cgo,
            String classifier, long size, String sha256) {
        this(file, goPackage, goos, goarch, variant, cgo, classifier, size, sha256, null);
    }

    /** "linux/arm/7", as targets are written. */
    public String target() {
        String platform = goos + "/" + goarch;
        return variant == null ? platform : platform + "/" + variant;
    }

    /** This binary after the compress goal: {@code file} now holds what {@code size} and {@code sha256} say. */
    public BuiltBinary withUpx(long newSize, String newSha256, UpxPacking packing) {
        return new BuiltBinary(file, goPackage, goos, goarch, variant, cgo, classifier, newSize, newSha256, packing);
    }
}
