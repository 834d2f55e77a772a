package io.github.staticgo.maven.smoke;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.smoke.SmokeConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <smoke>} element of verify: how every Linux binary is started in an empty root, with
 * {@code <targets>} overriding it for single platforms.
 */
public class Smoke extends SmokeOptionsElement {
    /**
     * Field-injected: Maven takes the element type from the field's generic type. It first guesses a class
     * from the element name in this package, which is why these classes do not live beside
     * {@code maven.Target}: {@code <target>} would be read as a build target.
     */
    private List<SmokeTarget> targets;

    public SmokeConfiguration toConfiguration() throws ConfigurationException {
        Map<String, io.github.staticgo.smoke.SmokeOptions> byPlatform = new LinkedHashMap<>();
        for (SmokeTarget target : targets == null ? List.<SmokeTarget>of() : targets) {
            if (target.platform() == null || target.platform().isBlank()) {
                throw new ConfigurationException("smoke><targets><target", "each <target> needs a <platform>, e.g. "
                        + "<target><platform>linux/arm64</platform><timeout>30</timeout></target>.");
            }
            if (byPlatform.put(target.platform().strip(), target.toOptions()) != null) {
                throw new ConfigurationException("smoke><targets", target.platform() + " is listed twice; merge its "
                        + "settings into one <target>.");
            }
        }
        return SmokeConfiguration.of(toOptions(), byPlatform);
    }
}
