package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.smoke.SmokeConfiguration;
import java.util.List;

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

    public SmokeConfiguration toConfiguration() throws ConfigurationException {
        return SmokeConfiguration.of(
                toOptions(),
                PlatformOverrides.of(
                        (targets == null ? List.<SmokeTarget>of() : targets)
                                .stream()
                                        .map(target ->
                                                new PlatformOverrides.Written<>(target.platform(), target.toOptions()))
                                        .toList(),
                        "smoke><targets"));
    }
}
