package io.github.staticgo.platform;

import io.github.staticgo.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings given for single platforms over global ones, the one way every such pom element works
 * ({@code <upx><targets>}, {@code <smoke><targets>}): a platform without a variant ({@code linux/arm})
 * applies to every variant, one with a variant ({@code linux/arm/7}) to that variant only; the most
 * specific one wins, and what it does not set is inherited from the next, down to the global settings.
 *
 * @param <T> one layer of settings, whose unset values inherit
 */
public final class PlatformOverrides<T> {
    private final Map<GoPlatform, T> byPlatform;

    private PlatformOverrides(Map<GoPlatform, T> byPlatform) {
        this.byPlatform = byPlatform;
    }

    public static <T> PlatformOverrides<T> none() {
        return new PlatformOverrides<>(Map.of());
    }

    /** One override as the pom writes it: the {@code <platform>} text (or null) and its settings. */
    public record Written<T>(String platform, T settings) {}

    /**
     * Checks the overrides as written, in declaration order.
     *
     * @param element the list's element, e.g. {@code upx><targets}, named in every message
     * @throws ConfigurationException for a missing {@code <platform>}, text that is not a platform, or a
     *     platform listed twice
     */
    public static <T> PlatformOverrides<T> of(List<Written<T>> written, String element) throws ConfigurationException {
        Map<GoPlatform, T> byPlatform = new LinkedHashMap<>();
        for (Written<T> override : written) {
            String text = override.platform() == null ? "" : override.platform().strip();
            if (text.isEmpty()) {
                throw new ConfigurationException(
                        element + "><target",
                        "each <target> needs a <platform>, e.g. "
                                + "<target><platform>linux/arm64</platform>...</target>.");
            }
            GoPlatform platform = GoPlatform.parse(text)
                    .orElseThrow(() -> new ConfigurationException(
                            element + "><target><platform",
                            "'" + text + "' is not a platform: " + GoPlatform.formHint() + "."));
            if (byPlatform.put(platform, override.settings()) != null) {
                throw new ConfigurationException(
                        element, text + " is listed twice; merge its settings into one <target>.");
            }
        }
        return new PlatformOverrides<>(byPlatform);
    }

    /** The settings given for single platforms, in declaration order, for checking each. */
    public Map<GoPlatform, T> byPlatform() {
        return java.util.Collections.unmodifiableMap(byPlatform);
    }

    /**
     * The layers that apply to {@code platform}, most specific first: its os/arch/variant override, its
     * os/arch override, then {@code global}. A reader takes each value from the first layer that sets it.
     */
    public List<T> layers(GoPlatform platform, T global) {
        return layers(platform, Optional.empty(), global);
    }

    /**
     * The same, with the settings of one binary (its {@code <packages><package>}) above them all: a
     * binary's own settings win over its platform's.
     */
    public List<T> layers(GoPlatform platform, Optional<T> binary, T global) {
        List<T> layers = new ArrayList<>(4);
        binary.ifPresent(layers::add);
        if (platform.variant() != null && byPlatform.containsKey(platform)) {
            layers.add(byPlatform.get(platform));
        }
        T osArch = byPlatform.get(platform.withoutVariant());
        if (osArch != null) {
            layers.add(osArch);
        }
        layers.add(global);
        return layers;
    }
}
