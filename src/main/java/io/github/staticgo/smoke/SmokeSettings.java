package io.github.staticgo.smoke;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How one binary is smoke-run, every value decided.
 *
 * @param output the pattern its output must contain, or null for any output
 * @param emulator the configured emulator command, or empty to choose natively or qemu-user by architecture
 */
public record SmokeSettings(
        List<String> args,
        int exitCode,
        Pattern output,
        Duration timeout,
        boolean requireRun,
        List<String> emulator,
        boolean skip) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public SmokeSettings {
        args = List.copyOf(args);
        emulator = List.copyOf(emulator);
    }
}
