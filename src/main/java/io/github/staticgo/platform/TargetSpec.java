package io.github.staticgo.platform;

import java.util.List;
import java.util.Map;

/**
 * One fully resolved build target: platform, variant, cgo mode and the target's own additions to the
 * global build settings. Checked against the Go toolchain before it is built.
 *
 * @param variant the architecture variant (GOARM, GOAMD64, ...) as the target names it, or null
 * @param cc the C compiler command line for cgo, or null for the mode's default
 * @param env the target's own environment, applied over the global one
 * @param ldflags linker flags added after the global ones, or null
 * @param buildMode the target's own -buildmode, or null for the global one (or else go's default)
 * @param defaultVariant Go's default variant for this platform when {@code variant} is null (GOAMD64=v1,
 *     GOARM=7, ...), set explicitly so that nothing outside the pom can choose another; null when the
 *     architecture has none or it is not known yet
 */
public record TargetSpec(String goos, String goarch, String variant, CgoMode cgo, String cc,
        Map<String, String> env, String ldflags, List<String> tags, String buildMode, String defaultVariant) {

    public TargetSpec {
        env = Map.copyOf(env);
        tags = List.copyOf(tags);
    }

    /** The platform as the target names it (with its own variant, if any). */
    public GoPlatform goPlatform() {
        return new GoPlatform(goos, goarch, variant);
    }

    /** "linux/arm64": the name go tool dist list uses. */
    public String platform() {
        return goPlatform().osArch();
    }

    /** "linux/arm/7": the target as the user writes it. */
    public String displayName() {
        return goPlatform().toString();
    }

    /** "linux-arm-7": file name suffix and Maven classifier. */
    public String classifier() {
        return goPlatform().classifier();
    }

    public boolean windows() {
        return "windows".equals(goos);
    }

    /** The variant go builds: the target's own, or else Go's default for the platform; null for none. */
    public String builtVariant() {
        return variant != null ? variant : defaultVariant;
    }

    /** This target with Go's default variant, for a target that names none. */
    public TargetSpec withDefaultVariant(String goDefault) {
        return new TargetSpec(goos, goarch, variant, cgo, cc, env, ldflags, tags, buildMode, goDefault);
    }

    /** The variant's environment entry (e.g. GOARM=7), empty for an architecture without variants. */
    public Map<String, String> variantEnvironment() {
        String built = builtVariant();
        if (built == null) {
            return Map.of();
        }
        return Map.of(ArchVariant.forGoarch(goarch).orElseThrow().variable(), built);
    }
}
