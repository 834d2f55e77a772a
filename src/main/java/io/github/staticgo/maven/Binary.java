package io.github.staticgo.maven;

import java.io.File;

/** A {@code <binary>} for verify: a file the build did not produce, with the platform it must be for. */
public class Binary {
    private File file;
    private String platform;

    public void setFile(File file) {
        this.file = file;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    File file() {
        return file;
    }

    String platform() {
        return platform;
    }
}
