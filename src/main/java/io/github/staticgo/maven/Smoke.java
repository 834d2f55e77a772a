package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.smoke.SmokeConfiguration;
import io.github.staticgo.smoke.SmokeOptions;
import java.util.List;
import java.util.Map;

/**
 * The {@code <smoke>} element of verify: how every Linux binary is started in an empty root, with
 * {@code <targets>} overriding it for single platforms.
 */
public class Smoke extends SmokeOptionsElement {
    /**
     * Field-injected, so Maven takes the element type from the field's generic type: no class of this
     * package is named after {@code <target>}.
     */
    private List<SmokeTarget> targets;

    /** @param byPackage the settings {@code <packages>} give single packages' binaries, by package path */
    public SmokeConfiguration toConfiguration(Map<String, SmokeOptions> byPackage) throws ConfigurationException {
        return SmokeConfiguration.of(
                toOptions(),
                byPackage,
                PlatformOverrides.of(
                        (targets == null ? List.<SmokeTarget>of() : targets)
                                .stream()
                                        .map(target ->
                                                new PlatformOverrides.Written<>(target.platform(), target.toOptions()))
                                        .toList(),
                        "smoke><targets"));
    }
}
