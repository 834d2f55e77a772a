package io.github.staticgo.verify;

import io.github.staticgo.target.CgoMode;
import java.nio.file.Path;

/**
 * A binary and the platform it must be built for.
 *
 * @param goos the GOOS it must run on, or null when nothing is expected (inspect without an expectation)
 * @param variant the architecture variant it must have (GOARM, GOAMD64, ...), or null for any
 * @param cgo the cgo mode it was built with, or null for a binary this plugin did not build
 * @param unpacked the unpacked original of a UPX-packed {@code file}, or null when it is not packed; its
 *     linkage and Go build info are checked, the packed file's format and architecture
 * @param upxVersion the UPX version that packed {@code file}, or null
 */
public record ExpectedBinary(Path file, String goos, String goarch, String variant, CgoMode cgo, Path unpacked,
        String upxVersion) {

    public ExpectedBinary(Path file, String goos, String goarch, String variant, CgoMode cgo) {
        this(file, goos, goarch, variant, cgo, null, null);
    }

    public static ExpectedBinary anything(Path file) {
        return new ExpectedBinary(file, null, null, null, null);
    }

    /** "linux/arm/7", as targets are written, or "-" when nothing is expected. */
    public String target() {
        if (goos == null) {
            return "-";
        }
        String platform = goos + "/" + goarch;
        return variant == null ? platform : platform + "/" + variant;
    }

    public boolean hasExpectation() {
        return goos != null;
    }

    public boolean packed() {
        return unpacked != null;
    }

    public boolean builtByPlugin() {
        return cgo != null;
    }
}
