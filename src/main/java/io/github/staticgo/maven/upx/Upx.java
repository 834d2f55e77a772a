package io.github.staticgo.maven.upx;

import io.github.staticgo.upx.UpxOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <upx>} element: UPX options for every target, and {@code <targets>} that override them
 * per target. Maven fills it through the setters. It has a package of its own because Maven picks the
 * class of a list item by the element's name in the enclosing class's package: {@code <target>} here must
 * be {@link Target} of this package, not the build goal's {@code <target>}.
 */
public class Upx extends UpxSettings {
    private List<Target> targets;

    public void setTargets(List<Target> targets) {
        this.targets = targets;
    }

    /** The overrides by platform, in declaration order; a platform named twice keeps the later one. */
    public Map<String, UpxOptions> overrides() {
        Map<String, UpxOptions> overrides = new LinkedHashMap<>();
        for (Target target : targets == null ? List.<Target>of() : targets) {
            overrides.put(target.platform() == null ? "" : target.platform().trim(), target.toOptions());
        }
        return overrides;
    }
}
