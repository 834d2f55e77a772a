package io.github.staticgo.verify;

import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.GoPlatform;
import java.nio.file.Path;

/**
 * A binary and the platform it must be built for.
 *
 * @param goos the GOOS it must run on, or null when nothing is expected (inspect without an expectation)
 * @param variant the architecture variant its target names (GOARM, GOAMD64, ...), or null
 * @param cgo the cgo mode it was built with, or null for a binary this plugin did not build
 * @param unpacked the unpacked original of a UPX-packed {@code file}, or null when it is not packed; its
 *     linkage and Go build info are checked, the packed file's format and architecture
 * @param upxVersion the UPX version that packed {@code file}, or null
 * @param recorded what build.json records of it, or null for a binary the plugin did not build
 */
public record ExpectedBinary(
        Path file,
        String goos,
        String goarch,
        String variant,
        CgoMode cgo,
        Path unpacked,
        String upxVersion,
        Recorded recorded) {

    /**
     * What build.json records of a binary, which the file must still be.
     *
     * @param builtVariant the variant go built for (the target's, or Go's default), or null when none
     * @param sha256 the SHA-256 of the file (after compress, of the packed file)
     * @param unpackedSha256 the SHA-256 of the unpacked original of a packed file, or null
     * @param strip whether the build asked the linker to strip it
     * @param goPackage the main package it was built from, as {@code <packages>} names it
     */
    public record Recorded(
            String builtVariant, String sha256, String unpackedSha256, boolean strip, String goPackage) {}

    public ExpectedBinary(Path file, String goos, String goarch, String variant, CgoMode cgo) {
        this(file, goos, goarch, variant, cgo, null, null, null);
    }

    public static ExpectedBinary anything(Path file) {
        return new ExpectedBinary(file, null, null, null, null);
    }

    /** "linux/arm/7", as targets are written, or "-" when nothing is expected. */
    public String target() {
        return goos == null ? "-" : new GoPlatform(goos, goarch, variant).toString();
    }

    /**
     * The variant its Go build info must record: the target's, or else the default go built it with;
     * null when any will do (a declared binary whose platform names none).
     */
    public String requiredVariant() {
        return variant != null ? variant : recorded != null ? recorded.builtVariant() : null;
    }

    public boolean hasExpectation() {
        return goos != null;
    }

    public boolean packed() {
        return unpacked != null;
    }

    /** The main package build.json says it was built from, or null for a binary the plugin did not build. */
    public String goPackage() {
        return recorded == null ? null : recorded.goPackage();
    }

    public boolean builtByPlugin() {
        return cgo != null;
    }
}
