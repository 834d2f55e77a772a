package io.github.staticgo.upx;

import io.github.staticgo.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How UPX packs, as written in {@code <upx>} or in one target's override. Every field may be unset
 * (null): an override sets only what it names and inherits the rest, see {@link #overriddenBy}.
 *
 * @param enabled pack at all; unset means off
 * @param level 1 to 9, or {@code best}; unset leaves UPX's own default
 * @param lzma pass {@code --lzma}
 * @param brute pass {@code --brute} (tries every method and filter; slow)
 * @param force pack a target the support list marks as unsupported (darwin: with {@code --force-macos})
 * @param args further UPX arguments, each passed as it is
 */
public record UpxOptions(Boolean enabled, String level, Boolean lzma, Boolean brute, Boolean force, List<String> args) {
    /** Arguments that would break the pack-test-rename steps, with what to use instead. */
    private static final Set<String> RESERVED = Set.of(
            "-o",
            "--output",
            "-d",
            "--decompress",
            "-t",
            "--test",
            "-l",
            "--list",
            "-k",
            "--backup",
            "--stdout",
            "-c",
            "-V",
            "--version",
            "-h",
            "--help",
            "-L",
            "--license",
            "-f",
            "--force",
            "-q",
            "-qq",
            "-qqq",
            "--quiet");

    public UpxOptions {
        args = args == null ? null : List.copyOf(args);
    }

    public static UpxOptions none() {
        return new UpxOptions(null, null, null, null, null, null);
    }

    /** These options with every field the override sets replaced by the override's value. */
    public UpxOptions overriddenBy(UpxOptions override) {
        return new UpxOptions(
                pick(override.enabled, enabled),
                pick(override.level, level),
                pick(override.lzma, lzma),
                pick(override.brute, brute),
                pick(override.force, force),
                pick(override.args, args));
    }

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    public boolean isForced() {
        return Boolean.TRUE.equals(force);
    }

    /** Refuses a level UPX does not have and arguments that would defeat the safe packing steps. */
    public void validate(String element) throws ConfigurationException {
        if (level != null && !level.isBlank() && levelFlag(level) == null) {
            throw new ConfigurationException(
                    element + "><level", "'" + level + "' is not a UPX level: write 1 to 9, " + "or best.");
        }
        for (String arg : args == null ? List.<String>of() : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (RESERVED.contains(name) || (name.startsWith("-o") && !name.startsWith("--"))) {
                throw new ConfigurationException(
                        element + "><args",
                        "'" + arg + "' is set by the compress goal "
                                + "itself (it packs into a new file with -o, tests it with -t and renames it); remove it."
                                + (name.startsWith("-f") || name.equals("--force")
                                        ? " To pack a target UPX support is not listed for, use <force>true</force>."
                                        : ""));
            }
            if (arg.matches("-[1-9]") || arg.equals("--best") || arg.equals("--lzma") || arg.equals("--brute")) {
                throw new ConfigurationException(
                        element + "><args", "'" + arg + "' has its own element: use <level>, " + "<lzma> or <brute>.");
            }
        }
    }

    /**
     * The UPX arguments these options give, before {@code -o}: level, method, brute, then the extra
     * arguments. {@code darwin} adds {@code --force-macos} when forced.
     */
    public List<String> arguments(String goos) {
        List<String> arguments = new ArrayList<>();
        if (level != null && !level.isBlank()) {
            arguments.add(levelFlag(level));
        }
        if (Boolean.TRUE.equals(lzma)) {
            arguments.add("--lzma");
        }
        if (Boolean.TRUE.equals(brute)) {
            arguments.add("--brute");
        }
        if (isForced() && ("darwin".equals(goos) || "ios".equals(goos))) {
            arguments.add("--force-macos");
        }
        if (args != null) {
            arguments.addAll(args);
        }
        return arguments;
    }

    private static String levelFlag(String level) {
        String text = level.trim().toLowerCase(Locale.ROOT);
        if (text.equals("best")) {
            return "--best";
        }
        return text.matches("[1-9]") ? "-" + text : null;
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
