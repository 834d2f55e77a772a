package io.github.staticgo.platform;

import java.util.List;
import java.util.Optional;

/**
 * A Go platform: GOOS, GOARCH and, where the target names one, the architecture variant (GOARM=7,
 * GOAMD64=v3, ...). Written {@code os/arch[/variant]}, as pom targets and go tool dist list (without the
 * variant) write it. The one place platforms are parsed, printed and turned into file names.
 *
 * @param variant the variant as written, or null
 */
public record GoPlatform(String goos, String goarch, String variant) {

    /** Empty when the text is not of the form os/arch or os/arch/variant; what it names is not checked here. */
    public static Optional<GoPlatform> parse(String written) {
        String text = written == null ? "" : written.trim();
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            return Optional.empty();
        }
        return Optional.of(new GoPlatform(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
    }

    /** What to write instead of text that is not a platform. */
    public static String formHint() {
        return "write os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm/7";
    }

    /** "linux/arm64": the name go tool dist list uses, without the variant. */
    public String osArch() {
        return goos + "/" + goarch;
    }

    /** This platform without its variant. */
    public GoPlatform withoutVariant() {
        return variant == null ? this : new GoPlatform(goos, goarch, null);
    }

    /** "linux-arm-7": file name suffix and Maven classifier; variant feature lists join with '-'. */
    public String classifier() {
        String base = goos + "-" + goarch;
        return variant == null ? base : base + "-" + variant.replace(',', '-');
    }

    /** "linux/arm/7": as a target is written. */
    @Override
    public String toString() {
        return variant == null ? osArch() : osArch() + "/" + variant;
    }
}
