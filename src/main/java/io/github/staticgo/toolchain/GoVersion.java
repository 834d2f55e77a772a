package io.github.staticgo.toolchain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Go release number as {@code go version} prints it: go1.21.3, go1.22rc1, go1.26.8. */
public record GoVersion(int major, int minor, int patch, String text) implements Comparable<GoVersion> {
    private static final Pattern RELEASE = Pattern.compile("go(\\d+)\\.(\\d+)(?:\\.(\\d+))?((?:rc|beta)\\d+)?");
    /** The oldest Go this plugin drives: 1.21 brought GOTOOLCHAIN, which {@code goVersion} relies on. */
    public static final GoVersion MINIMUM = new GoVersion(1, 21, 0, "go1.21");

    /** Finds the release in a {@code go version} line such as "go version go1.26.8 linux/amd64". */
    public static Optional<GoVersion> find(String text) {
        Matcher matcher = RELEASE.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new GoVersion(
                Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, matcher.group()));
    }

    /** Whether a {@code goVersion} value names one release, as GOTOOLCHAIN=go&lt;version&gt; needs. */
    public static boolean isExactRelease(String version) {
        return RELEASE.matcher("go" + version).matches();
    }

    @Override
    public int compareTo(GoVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
