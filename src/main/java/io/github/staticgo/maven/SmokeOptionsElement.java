package io.github.staticgo.maven;

import io.github.staticgo.smoke.SmokeOptions;
import java.util.List;

/** The settings {@code <smoke>} and each of its {@code <target>}s share; Maven fills them through the setters. */
public class SmokeOptionsElement {
    private List<String> args;
    private Integer exitCode;
    private String output;
    private Integer timeout;
    private Boolean requireRun;
    private String emulator;
    private Boolean skip;

    public void setArgs(List<String> args) {
        this.args = args;
    }

    public void setExitCode(Integer exitCode) {
        this.exitCode = exitCode;
    }

    public void setOutput(String output) {
        this.output = output;
    }

    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    public void setRequireRun(Boolean requireRun) {
        this.requireRun = requireRun;
    }

    public void setEmulator(String emulator) {
        this.emulator = emulator;
    }

    public void setSkip(Boolean skip) {
        this.skip = skip;
    }

    SmokeOptions toOptions() {
        return new SmokeOptions(args, exitCode, output, timeout, requireRun, emulator, skip);
    }
}
