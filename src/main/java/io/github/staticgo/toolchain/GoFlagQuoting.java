package io.github.staticgo.toolchain;

import io.github.staticgo.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a flag list the way go splits -ldflags and -gcflags (cmd/internal/quoted): fields are
 * separated by white space, and a field that starts with a single or double quote runs to the same
 * quote. Used to reject unbalanced quotes with a clear message before go sees them, and to read the
 * link flags a binary's build info records.
 */
public final class GoFlagQuoting {
    private GoFlagQuoting() {}

    public static List<String> split(String flags, String element) throws ConfigurationException {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < flags.length()) {
            char c = flags.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = flags.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ConfigurationException(
                            element,
                            "the quote " + c + " at position " + (i + 1) + " is never closed in: " + flags.trim()
                                    + " . Close it, e.g. -X 'main.motd=hello world'.");
                }
                fields.add(flags.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < flags.length() && !Character.isWhitespace(flags.charAt(end))) {
                    end++;
                }
                fields.add(flags.substring(i, end));
                i = end;
            }
        }
        return fields;
    }
}
