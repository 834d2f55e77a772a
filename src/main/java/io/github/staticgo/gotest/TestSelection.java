package io.github.staticgo.gotest;

import io.github.staticgo.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps Maven's {@code -Dtest=...} to go test's {@code -run} and {@code -skip} regular expressions.
 *
 * <ul>
 *   <li>Comma-separated patterns select every test that matches one of them: {@code TestAdd,TestSub}.</li>
 *   <li>A pattern names a whole test, not part of one: {@code TestAdd} does not select {@code TestAddAll};
 *       {@code *} matches any characters and {@code ?} one, as in Surefire ({@code TestAdd*}).</li>
 *   <li>{@code /} or Surefire's {@code #} separates subtest levels: {@code TestTable/one} and
 *       {@code TestTable#one} both select subtest {@code one} of {@code TestTable}; Surefire's {@code +}
 *       lists several: {@code TestTable#one+two}.</li>
 *   <li>A pattern starting with {@code !} excludes tests, through {@code -skip}: {@code !TestSlow}.</li>
 * </ul>
 *
 * go matches each subtest level on its own, so {@code -Dtest=TestA/x,TestB/y} also runs {@code TestA/y}
 * if it exists, and a pattern without a subtest level lets every subtest of every selected test run:
 * the selection may run a few more subtests than named, never fewer. Exclusions work the same way, so
 * {@code !TestA,!TestB/slow} excludes all of {@code TestB}: exclude subtests in a {@code -Dtest} of their own.
 */
public final class TestSelection {
    private TestSelection() {}

    /** The go test arguments for {@code -Dtest}'s value; empty when it is null or blank. */
    public static List<String> arguments(String test) throws ConfigurationException {
        if (test == null || test.isBlank()) {
            return List.of();
        }
        List<List<String>> included = new ArrayList<>();
        List<List<String>> excluded = new ArrayList<>();
        for (String written : test.split(",")) {
            String pattern = written.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclude = pattern.startsWith("!");
            List<String> levels =
                    List.of((exclude ? pattern.substring(1) : pattern).strip().split("[/#]", -1));
            if (levels.stream().anyMatch(String::isBlank)) {
                throw new ConfigurationException(
                        "test",
                        "'" + written.strip() + "' is not a test pattern: write a test"
                                + " name, optionally with subtests after '/' (TestTable/one) and * wildcards (TestAdd*).");
            }
            (exclude ? excluded : included).add(levels);
        }
        List<String> arguments = new ArrayList<>();
        if (!included.isEmpty()) {
            arguments.add("-run=" + regex(included));
        }
        if (!excluded.isEmpty()) {
            arguments.add("-skip=" + regex(excluded));
        }
        return arguments;
    }

    /** One anchored alternation per level; a level some pattern does not reach matches anything. */
    private static String regex(List<List<String>> patterns) {
        int depth = patterns.stream().mapToInt(List::size).min().orElse(1);
        List<String> levels = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            Set<String> alternatives = new LinkedHashSet<>();
            for (List<String> pattern : patterns) {
                for (String name : pattern.get(level).split("\\+")) {
                    alternatives.add(glob(name.strip()));
                }
            }
            levels.add("^(" + String.join("|", alternatives) + ")$");
        }
        return String.join("/", levels);
    }

    /** A Surefire-style name with * and ? as a regular expression; everything else is literal. */
    private static String glob(String name) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(quote(literal.toString()));
        }
        return regex.toString();
    }

    /** Go's regexp (RE2) has no \Q...\E: escape each metacharacter; a '/' would split levels, so it is never literal here. */
    private static String quote(String literal) {
        return Pattern.compile("[\\\\.^$|()\\[\\]{}+*?]").matcher(literal).replaceAll("\\\\$0");
    }
}
