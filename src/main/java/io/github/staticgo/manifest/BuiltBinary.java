package io.github.staticgo.manifest;

import io.github.staticgo.platform.GoPlatform;
import java.nio.file.Path;

/**
 * One binary in build.json: what it was built for and its SHA-256, for the goals that come after build.
 *
 * @param file the file name, relative to the directory of build.json
 * @param variant the architecture variant the target names, or null
 * @param builtVariant the variant go built for: the target's, or else Go's default for the platform (GOAMD64=v1,
 *     GOARM=7, ...), which the binary's build info must record; null for an architecture without variants
 * @param cgo off, musl or on
 * @param strip whether the linker was asked to strip it ({@code <strip>}): go records no -ldflags under
 *     -trimpath, so only this says so
 * @param size the size of {@code file}; after compress, of the packed file
 * @param sha256 the SHA-256 of {@code file}; after compress, of the packed file
 * @param execution the build execution that built it (Maven's execution id)
 * @param upx what the compress goal did, or null when it did not run
 */
public record BuiltBinary(
        String file,
        String goPackage,
        String goos,
        String goarch,
        String variant,
        String builtVariant,
        String cgo,
        boolean strip,
        String classifier,
        long size,
        String sha256,
        String execution,
        UpxPacking upx) {

    /** The platform its target names (with the target's own variant, if any). */
    public GoPlatform platform() {
        return new GoPlatform(goos, goarch, variant);
    }

    /** "linux/arm/7", as targets are written. */
    public String target() {
        return platform().toString();
    }

    /** This binary after the compress goal: {@code file} now holds what {@code size} and {@code sha256} say. */
    public BuiltBinary withUpx(long newSize, String newSha256, UpxPacking packing) {
        return new BuiltBinary(
                file,
                goPackage,
                goos,
                goarch,
                variant,
                builtVariant,
                cgo,
                strip,
                classifier,
                newSize,
                newSha256,
                execution,
                packing);
    }

    /**
     * The binary's base name: its file name without the platform suffix the build gives it and without
     * {@code .exe} ("sidecar" for sidecar-linux-arm-7 and sidecar-windows-amd64.exe).
     */
    public String baseName() {
        String name = Path.of(file).getFileName().toString();
        if (name.endsWith(".exe")) {
            name = name.substring(0, name.length() - ".exe".length());
        }
        String suffix = "-" + platform().classifier();
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    /** CycloneDX's recommended file extension, after the binary's own name: app-linux-amd64.cdx.json. */
    public static final String SBOM_EXTENSION = ".cdx.json";

    /** The file the SBOM step writes for this binary, beside it. */
    public String sbomFile() {
        return file + SBOM_EXTENSION;
    }

    /** Whether the compress goal packed this file and kept its unpacked original. */
    public boolean packedWithOriginal() {
        return upx != null && upx.packed() && upx.unpackedFile() != null;
    }
}
