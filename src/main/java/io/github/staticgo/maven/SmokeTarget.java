package io.github.staticgo.maven;

/** A {@code <target>} inside {@code <smoke><targets>}: settings for one platform ({@code linux/arm64}, {@code linux/arm/7}). */
public class SmokeTarget extends SmokeOptionsElement {
    private String platform;

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    String platform() {
        return platform;
    }
}
