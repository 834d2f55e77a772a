package io.github.staticgo.smoke;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.GoPlatform;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.process.CommandLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The global smoke settings and the ones given for single platforms, checked once; answers which
 * settings apply to a binary. A platform with a variant ({@code linux/arm/7}) applies to that variant
 * only, one without ({@code linux/arm}) to every variant; the most specific one wins, and what it does
 * not set comes from the global settings.
 */
public final class SmokeConfiguration {
    private final SmokeOptions global;
    private final Map<String, SmokeOptions> byPackage;
    private final PlatformOverrides<SmokeOptions> platforms;

    private SmokeConfiguration(
            SmokeOptions global, Map<String, SmokeOptions> byPackage, PlatformOverrides<SmokeOptions> platforms) {
        this.global = global;
        this.byPackage = Map.copyOf(byPackage);
        this.platforms = platforms;
    }

    /**
     * @param byPackage the settings of single packages' binaries, by the package path build.json records;
     *     they win over the per-platform ones
     * @param platforms the per-platform settings, their platforms already checked
     * @throws ConfigurationException naming the element of the first mistake found: a pattern that does
     *     not compile, a timeout under one second, an emulator with an unclosed quote
     */
    public static SmokeConfiguration of(
            SmokeOptions global, Map<String, SmokeOptions> byPackage, PlatformOverrides<SmokeOptions> platforms)
            throws ConfigurationException {
        check(global, "smoke><", "");
        for (Map.Entry<String, SmokeOptions> entry : byPackage.entrySet()) {
            check(entry.getValue(), "packages><package><smoke><", "for " + entry.getKey() + ", ");
        }
        for (Map.Entry<GoPlatform, SmokeOptions> entry : platforms.byPlatform().entrySet()) {
            check(entry.getValue(), "smoke><targets><target><", "for " + entry.getKey() + ", ");
        }
        return new SmokeConfiguration(global, byPackage, platforms);
    }

    private static void check(SmokeOptions options, String prefix, String where) throws ConfigurationException {
        if (options.output() != null) {
            try {
                Pattern.compile(options.output());
            } catch (PatternSyntaxException e) {
                throw new ConfigurationException(
                        prefix + "output",
                        where + "'" + options.output() + "' is not a regular expression: " + e.getDescription()
                                + " near position " + e.getIndex() + ".");
            }
        }
        if (options.timeoutSeconds() != null && options.timeoutSeconds() < 1) {
            throw new ConfigurationException(
                    prefix + "timeout", where + "must be at least 1 (seconds), not " + options.timeoutSeconds() + ".");
        }
        if (options.emulator() != null) {
            CommandLine.split(options.emulator(), prefix + "emulator");
        }
    }

    /**
     * The settings for a binary of this package and platform ({@code goPackage} null for one the build did
     * not make, {@code variant} may be null).
     */
    public SmokeSettings settingsFor(String goPackage, String goos, String goarch, String variant) {
        List<SmokeOptions> layers = platforms.layers(
                new GoPlatform(goos, goarch, variant),
                Optional.ofNullable(goPackage == null ? null : byPackage.get(goPackage)),
                global);
        String output = first(layers, SmokeOptions::output);
        String emulator = first(layers, SmokeOptions::emulator);
        Integer timeout = first(layers, SmokeOptions::timeoutSeconds);
        try {
            return new SmokeSettings(
                    orElse(first(layers, SmokeOptions::args), List.of()),
                    orElse(first(layers, SmokeOptions::exitCode), 0),
                    output == null ? null : Pattern.compile(output, Pattern.MULTILINE),
                    timeout == null ? SmokeSettings.DEFAULT_TIMEOUT : Duration.ofSeconds(timeout),
                    orElse(first(layers, SmokeOptions::requireRun), false),
                    emulator == null || emulator.isBlank() ? List.of() : CommandLine.split(emulator, "smoke"),
                    orElse(first(layers, SmokeOptions::skip), false));
        } catch (ConfigurationException e) {
            throw new IllegalStateException("checked in of(): " + e.getMessage(), e);
        }
    }

    private static <T> T first(List<SmokeOptions> layers, java.util.function.Function<SmokeOptions, T> value) {
        for (SmokeOptions layer : layers) {
            T v = value.apply(layer);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
