package io.github.staticgo.platform;

/**
 * A platform as an OCI image index names it: {@code os}, {@code architecture} and {@code variant}. The one place
 * Go's names become OCI's (the image-index spec's table follows GOOS and GOARCH; only variants differ).
 *
 * @param variant the OCI variant ({@code v7}, {@code v8}), or null where OCI names none
 */
public record OciPlatform(String os, String architecture, String variant) {

    /**
     * The OCI platform of a binary built for {@code platform} with {@code builtVariant} (the variant go built for:
     * the target's, or Go's default). arm becomes v5/v6/v7 from GOARM, arm64 v8 or v9 from GOARM64's major
     * version (what runtimes match a plain arm64 against); amd64 carries its level only when the target names one,
     * since a v1 image is what every amd64 runtime asks for without a variant.
     */
    public static OciPlatform of(GoPlatform platform, String builtVariant) {
        String variant = switch (platform.goarch()) {
            case "arm" -> builtVariant == null ? null : "v" + builtVariant.split(",")[0];
            case "arm64" -> builtVariant == null ? "v8" : builtVariant.split("[.,]")[0];
            case "amd64" -> platform.variant();
            default -> null;
        };
        return new OciPlatform(platform.goos(), platform.goarch(), variant);
    }

    /** "linux/arm/v7", as skopeo and podman write a platform. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
