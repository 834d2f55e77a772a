package io.github.staticgo.maven;

import io.github.staticgo.upx.UpxOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <upx>} element: UPX options for every target, and {@code <targets>} that override them
 * per target. Maven fills it through the setters.
 */
public class Upx {
    private Boolean enabled;
    private String level;
    private Boolean lzma;
    private Boolean brute;
    private Boolean force;
    private List<String> args;
    private List<UpxTarget> targets;

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public void setLzma(Boolean lzma) {
        this.lzma = lzma;
    }

    public void setBrute(Boolean brute) {
        this.brute = brute;
    }

    public void setForce(Boolean force) {
        this.force = force;
    }

    public void setArgs(List<String> args) {
        this.args = args;
    }

    public void setTargets(List<UpxTarget> targets) {
        this.targets = targets;
    }

    UpxOptions toOptions() {
        return new UpxOptions(enabled, level, lzma, brute, force, args);
    }

    /** The overrides by platform, in declaration order; a platform named twice keeps the later one. */
    Map<String, UpxOptions> overrides() {
        Map<String, UpxOptions> overrides = new LinkedHashMap<>();
        for (UpxTarget target : targets == null ? List.<UpxTarget>of() : targets) {
            overrides.put(target.platform() == null ? "" : target.platform().trim(), target.toOptions());
        }
        return overrides;
    }
}
