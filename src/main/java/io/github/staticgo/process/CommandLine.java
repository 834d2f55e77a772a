package io.github.staticgo.process;

import io.github.staticgo.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** Splits a configured command into arguments: white space separates them, single or double quotes keep spaces. */
public final class CommandLine {
    private CommandLine() {}

    public static List<String> split(String text, String element) throws ConfigurationException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    field.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                field = field == null ? new StringBuilder() : field;
            } else if (Character.isWhitespace(c)) {
                if (field != null) {
                    fields.add(field.toString());
                    field = null;
                }
            } else {
                field = field == null ? new StringBuilder() : field;
                field.append(c);
            }
        }
        if (quote != 0) {
            throw new ConfigurationException(
                    element,
                    "the quote " + quote + " in '" + text
                            + "' is never closed. Close it, e.g. '/opt/my qemu/qemu-aarch64' -cpu cortex-a53.");
        }
        if (field != null) {
            fields.add(field.toString());
        }
        return fields;
    }

    /** The arguments as one line a person can read and paste into a shell. */
    public static String join(List<String> arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (line.length() > 0) {
                line.append(' ');
            }
            boolean plain = !argument.isEmpty()
                    && argument.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0);
            line.append(plain ? argument : "'" + argument.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
