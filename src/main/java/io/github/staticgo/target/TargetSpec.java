package io.github.staticgo.target;

import java.util.List;
import java.util.Map;

/**
 * One fully resolved build target: platform, variant, cgo mode and the target's own additions to the
 * global build settings. Checked against the Go toolchain before it is built.
 *
 * @param variant the architecture variant (GOARM, GOAMD64, ...), or null
 * @param cc the C compiler command line for cgo, or null for the mode's default
 * @param env the target's own environment, applied over the global one
 * @param ldflags linker flags added after the global ones, or null
 */
public record TargetSpec(String goos, String goarch, String variant, CgoMode cgo, String cc,
        Map<String, String> env, String ldflags, List<String> tags) {

    public TargetSpec {
        env = Map.copyOf(env);
        tags = List.copyOf(tags);
    }

    /** "linux/arm64": the name go tool dist list uses. */
    public String platform() {
        return goos + "/" + goarch;
    }

    /** "linux/arm/7": the target as the user writes it. */
    public String displayName() {
        return variant == null ? platform() : platform() + "/" + variant;
    }

    /** "linux-arm-7": file name suffix and Maven classifier; variant feature lists join with '-'. */
    public String classifier() {
        String base = goos + "-" + goarch;
        return variant == null ? base : base + "-" + variant.replace(',', '-');
    }

    public boolean windows() {
        return "windows".equals(goos);
    }

    /** The variant's environment entry (e.g. GOARM=7), empty without a variant. */
    public Map<String, String> variantEnvironment() {
        if (variant == null) {
            return Map.of();
        }
        return Map.of(ArchVariant.forGoarch(goarch).orElseThrow().variable(), variant);
    }
}
