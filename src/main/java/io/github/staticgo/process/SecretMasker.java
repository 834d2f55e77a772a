package io.github.staticgo.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials before a command or an environment reaches the log: passwords inside URLs
 * (GOPROXY=https://user:token@host), user names standing alone in them (https://token@host), values
 * of variables whose name says they are secret, and {@code -X name=value} link flags whose name does.
 */
public final class SecretMasker {
    static final String MASK = "****";
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^/@:\\s]+:)[^/@\\s]+@");
    /** https://TOKEN@host: a user name alone is often the credential (access tokens, oauth2 user names). */
    private static final Pattern URL_USER_ONLY = Pattern.compile("(://)[^/@:\\s]+@");

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(token|secret|passw(or)?d|credential|api[_-]?key|auth).*");
    /** -X name=value, or -X 'name=value with spaces' as go's flag quoting allows. */
    private static final Pattern X_FLAG =
            Pattern.compile("(-X[= ]?)(?:(['\"])([^='\"\\s]+)=(.*?)\\2|([^='\"\\s]+)=(\\S*))");

    private SecretMasker() {}

    /** The value to show for an environment variable. */
    public static String maskValue(String name, String value) {
        if (SECRET_NAME.matcher(name).matches() && !value.isEmpty()) {
            return MASK;
        }
        return maskText(value);
    }

    /** Masks URL passwords and secret-named {@code -X} values anywhere in a text. */
    public static String maskText(String text) {
        String withoutUrlPasswords = URL_USER_ONLY
                .matcher(URL_CREDENTIALS.matcher(text).replaceAll("$1" + MASK + "@"))
                .replaceAll("$1" + MASK + "@");
        Matcher flag = X_FLAG.matcher(withoutUrlPasswords);
        StringBuilder masked = new StringBuilder();
        while (flag.find()) {
            boolean quoted = flag.group(2) != null;
            String quote = quoted ? flag.group(2) : "";
            String symbol = quoted ? flag.group(3) : flag.group(5);
            String value = quoted ? flag.group(4) : flag.group(6);
            String lastPart = symbol.substring(symbol.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String shown = SECRET_NAME.matcher(lastPart).matches() ? MASK : value;
            flag.appendReplacement(
                    masked, Matcher.quoteReplacement(flag.group(1) + quote + symbol + "=" + shown + quote));
        }
        flag.appendTail(masked);
        return masked.toString();
    }

    public static List<String> maskArguments(List<String> arguments) {
        List<String> masked = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            masked.add(maskText(argument));
        }
        return masked;
    }
}
