package io.github.staticgo.maven;

/**
 * One {@code <upx><targets><target>}: a {@code <platform>} ({@code os/arch} for every variant, or
 * {@code os/arch/variant}) and the UPX options that differ for it; what it leaves out is inherited.
 */
public class UpxTarget extends UpxSettings {
    private String platform;

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    String platform() {
        return platform;
    }
}
