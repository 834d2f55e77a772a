package io.github.staticgo.maven;

import io.github.staticgo.upx.UpxOptions;
import java.util.List;

/** The UPX options that {@code <upx>} sets for every target and a {@code <upx><targets><target>} for one. */
public abstract class UpxSettings {
    private Boolean enabled;
    private String level;
    private Boolean lzma;
    private Boolean brute;
    private Boolean force;
    private List<String> args;

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

    /** The options as set here; what is left out stays null, to be inherited. */
    public UpxOptions toOptions() {
        return new UpxOptions(enabled, level, lzma, brute, force, args);
    }
}
