package io.github.staticgo.maven;

import io.github.staticgo.platform.TargetDeclaration;
import java.util.List;
import java.util.Map;

/**
 * A {@code <target>} element: either the short form {@code <target>linux/arm/7</target>} or the long
 * form with {@code <platform>} and per-target settings. Maven fills it through the setters.
 */
public class BuildTarget {
    private String platform;
    private String cgo;
    private String cc;
    private Map<String, String> env;
    private String ldflags;
    private List<String> tags;
    private String buildMode;

    /** The short form: Maven passes the element's text here. */
    public void set(String platform) {
        this.platform = platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public void setCgo(String cgo) {
        this.cgo = cgo;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public void setEnv(Map<String, String> env) {
        this.env = env;
    }

    public void setLdflags(String ldflags) {
        this.ldflags = ldflags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public void setBuildMode(String buildMode) {
        this.buildMode = buildMode;
    }

    TargetDeclaration toDeclaration() {
        return new TargetDeclaration(platform, cgo, cc, env, ldflags, tags, buildMode);
    }
}
