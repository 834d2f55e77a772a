package io.github.staticgo.platform;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
public record TargetSpec(
        String goos,
        String goarch,
        String variant,
        CgoMode cgo,
        String cc,
        Map<String, String> env,
        String ldflags,
        List<String> tags,
        String buildMode,
        String defaultVariant) {

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

    /** Keeps net and os/user in pure Go for a musl build, so they do not call into libc's NSS. */
    static final List<String> MUSL_TAGS = List.of("netgo", "osusergo");

    /**
     * The variables that decide what go builds for this target, over the pom's global {@code <env>}: the
     * target's own {@code <env>}, GOOS, GOARCH, the variant, CGO_ENABLED from the cgo mode and its C
     * compiler. The build and the test goal both compile with these.
     */
    public Map<String, String> goEnvironment(Map<String, String> globalEnv) {
        Map<String, String> environment = new LinkedHashMap<>(globalEnv);
        environment.putAll(env);
        environment.put("GOOS", goos);
        environment.put("GOARCH", goarch);
        environment.putAll(variantEnvironment());
        environment.put("CGO_ENABLED", cgo == CgoMode.OFF ? "0" : "1");
        if (cgo == CgoMode.MUSL) {
            environment.put("CC", cc != null ? cc : "musl-gcc");
        } else if (cgo == CgoMode.ON && cc != null) {
            environment.put("CC", cc);
        }
        return environment;
    }

    /**
     * The build tags: the global ones, the target's, and musl's when cgo is musl; each entry may hold
     * several, comma-separated, as go's own -tags does.
     */
    public Set<String> buildTags(List<String> globalTags) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> entries : List.of(globalTags, tags)) {
            for (String entry : entries) {
                for (String tag : entry.split(",")) {
                    if (!tag.isBlank()) {
                        all.add(tag.trim());
                    }
                }
            }
        }
        if (cgo == CgoMode.MUSL) {
            all.addAll(MUSL_TAGS);
        }
        return all;
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
