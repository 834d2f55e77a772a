package io.github.staticgo.maven.upx;

import io.github.staticgo.upx.UpxOptions;
import java.util.List;

/**
 * One {@code <upx><targets><target>}: a {@code <platform>} ({@code os/arch} for every variant, or
 * {@code os/arch/variant}) and the UPX options that differ for it; what it leaves out is inherited.
 */
public class Target {
    private String platform;
    private Boolean enabled;
    private String level;
    private Boolean lzma;
    private Boolean brute;
    private Boolean force;
    private List<String> args;

    public void setPlatform(String platform) {
        this.platform = platform;
    }

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

    String platform() {
        return platform;
    }

    UpxOptions toOptions() {
        return new UpxOptions(enabled, level, lzma, brute, force, args);
    }
}
