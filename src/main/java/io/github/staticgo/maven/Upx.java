package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.upx.UpxOptions;
import java.util.List;

/** The {@code <upx>} element: UPX options for every target, and {@code <targets>} that override them per platform. */
public class Upx extends UpxSettings {
    /**
     * Field-injected, so Maven takes the element type from the field's generic type: no class of this
     * package is named after {@code <target>}.
     */
    private List<UpxTarget> targets;

    /** The overrides by platform, checked. */
    public PlatformOverrides<UpxOptions> overrides() throws ConfigurationException {
        return PlatformOverrides.of(
                (targets == null ? List.<UpxTarget>of() : targets)
                        .stream()
                                .map(target -> new PlatformOverrides.Written<>(target.platform(), target.toOptions()))
                                .toList(),
                "upx><targets");
    }
}
