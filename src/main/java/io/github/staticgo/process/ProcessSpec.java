package io.github.staticgo.process;

import io.github.staticgo.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One external command: the argument list (never a shell line), the working directory, the
 * complete environment the child gets (nothing is inherited from the caller implicitly) and what it
 * reads on its standard input.
 *
 * @param stdin written to the command's standard input (UTF-8), which is then closed; empty: closed at once.
 *     Never shown in {@link #describe}: it may be a secret (a credential helper's input).
 */
public record ProcessSpec(
        List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout, String stdin) {
    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (stdin == null) {
            throw new IllegalArgumentException("null stdin: give \"\" for none");
        }
    }

    /** A command that reads nothing: its standard input is closed at once. */
    public ProcessSpec(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout) {
        this(command, workingDirectory, environment, timeout, "");
    }

    /** Refuses a timeout below one second, set by the pom element {@code element}, before anything runs. */
    public static void requireTimeout(String element, Duration timeout) throws ConfigurationException {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException(element, "must be at least 1 (seconds), not " + timeout.toSeconds() + ".");
        }
    }

    /** The command as a person would read it, with secrets masked, environment sorted. */
    public String describe(Map<String, String> shownEnvironment) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(shownEnvironment)
                .forEach((key, value) -> text.append(key)
                        .append('=')
                        .append(quoteIfNeeded(SecretMasker.maskValue(key, value)))
                        .append(' '));
        for (String argument : SecretMasker.maskArguments(command)) {
            text.append(quoteIfNeeded(argument)).append(' ');
        }
        return text.toString().stripTrailing();
    }

    private static String quoteIfNeeded(String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
