package io.github.staticgo.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go release a module's go.mod needs, read without go (none may be installed): the {@code go} line,
 * a language version such as 1.22 meaning its first release 1.22.0, or the {@code toolchain} line when
 * it names a newer release, as go's own toolchain selection reads them.
 */
final class GoModRequirement {
    private static final Pattern GO_LINE =
            Pattern.compile("(?m)^\\s*go\\s+(\\d+\\.\\d+(?:\\.\\d+|(?:rc|beta)\\d+)?)\\s*(?://.*)?$");
    private static final Pattern TOOLCHAIN_LINE =
            Pattern.compile("(?m)^\\s*toolchain\\s+go(\\d+\\.\\d+(?:\\.\\d+|(?:rc|beta)\\d+)?)\\s*(?://.*)?$");

    private GoModRequirement() {}

    /** The release, e.g. "1.26.8"; empty when go.mod names none (or cannot be read). */
    static Optional<String> release(Path moduleDirectory) {
        String goMod;
        try {
            goMod = Files.readString(moduleDirectory.resolve("go.mod"));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        Optional<String> goLine = first(GO_LINE, goMod).map(v -> v.matches("\\d+\\.\\d+") ? v + ".0" : v);
        Optional<String> toolchainLine = first(TOOLCHAIN_LINE, goMod);
        if (goLine.isPresent() && toolchainLine.isPresent()) {
            return Optional.of(newer(goLine.get(), toolchainLine.get()));
        }
        return goLine.or(() -> toolchainLine);
    }

    static String newer(String one, String other) {
        return version(one).compareTo(version(other)) >= 0 ? one : other;
    }

    static GoVersion version(String release) {
        return GoVersion.find("go" + release).orElseThrow();
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
