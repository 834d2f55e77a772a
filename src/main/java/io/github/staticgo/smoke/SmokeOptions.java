package io.github.staticgo.smoke;

import java.util.List;

/**
 * Smoke settings as the pom writes them, globally or for one platform; null means "not set here"
 * (a platform's value falls back to the global one, the global one to the default).
 *
 * @param args the arguments the binary is run with, e.g. {@code --version}
 * @param exitCode the exit code it must end with
 * @param output a regular expression that must be found in what it prints (both streams)
 * @param timeoutSeconds how long it may run before it is killed, with its children
 * @param requireRun whether a binary that cannot be run (no emulator) fails instead of being reported as not run
 * @param emulator the command that runs the binary instead of the automatic choice, e.g.
 *     {@code qemu-aarch64-static -cpu cortex-a53}; quoted as a shell would for spaces
 * @param skip whether binaries this applies to are not run at all
 */
public record SmokeOptions(
        List<String> args,
        Integer exitCode,
        String output,
        Integer timeoutSeconds,
        Boolean requireRun,
        String emulator,
        Boolean skip) {

    public SmokeOptions {
        args = args == null ? null : List.copyOf(args);
    }

    public static SmokeOptions none() {
        return new SmokeOptions(null, null, null, null, null, null, null);
    }
}
