package io.github.staticgo.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the module information text of a Go binary the way Go's
 * {@code runtime/debug.ParseBuildInfo} does: tab-separated {@code path}, {@code mod}, {@code dep},
 * {@code =>} and {@code build} lines, where build keys and values may be Go-quoted.
 */
final class GoModInfoParser {

    private static final String PATH_LINE = "path\t";
    private static final String MOD_LINE = "mod\t";
    private static final String DEP_LINE = "dep\t";
    private static final String REPLACE_LINE = "=>\t";
    private static final String BUILD_LINE = "build\t";

    private GoModInfoParser() {}

    static GoBuildInfo parse(String goVersion, String modinfo) throws MalformedBinaryException {
        String path = null;
        GoBuildInfo.Module main = null;
        List<GoBuildInfo.Module> deps = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        // Which module a "=>" line replaces: 0 none, 1 main, 2 the last dep.
        int last = 0;
        int lineNumber = 1;
        int start = 0;
        while (start < modinfo.length()) {
            int end = modinfo.indexOf('\n', start);
            if (end < 0) {
                break; // Like Go: an unterminated last line is ignored.
            }
            String line = modinfo.substring(start, end);
            start = end + 1;
            if (line.startsWith(PATH_LINE)) {
                path = line.substring(PATH_LINE.length());
            } else if (line.startsWith(MOD_LINE)) {
                main = module(line.substring(MOD_LINE.length()), lineNumber);
                last = 1;
            } else if (line.startsWith(DEP_LINE)) {
                deps.add(module(line.substring(DEP_LINE.length()), lineNumber));
                last = 2;
            } else if (line.startsWith(REPLACE_LINE)) {
                String[] elem = line.substring(REPLACE_LINE.length()).split("\t", -1);
                if (elem.length != 3) {
                    throw bad(lineNumber, "expected 3 columns for replacement; got " + elem.length);
                }
                GoBuildInfo.Module replacement = new GoBuildInfo.Module(elem[0], elem[1], elem[2], null);
                if (last == 1) {
                    main = new GoBuildInfo.Module(main.path(), main.version(), main.sum(), replacement);
                } else if (last == 2) {
                    GoBuildInfo.Module dep = deps.get(deps.size() - 1);
                    deps.set(
                            deps.size() - 1, new GoBuildInfo.Module(dep.path(), dep.version(), dep.sum(), replacement));
                } else {
                    throw bad(lineNumber, "replacement with no module on previous line");
                }
                last = 0;
            } else if (line.startsWith(BUILD_LINE)) {
                buildSetting(line.substring(BUILD_LINE.length()), lineNumber, settings);
            }
            lineNumber++;
        }
        return new GoBuildInfo(goVersion, path, main, deps, settings);
    }

    private static GoBuildInfo.Module module(String columns, int lineNumber) throws MalformedBinaryException {
        String[] elem = columns.split("\t", -1);
        if (elem.length != 2 && elem.length != 3) {
            throw bad(lineNumber, "expected 2 or 3 columns; got " + elem.length);
        }
        String sum = elem.length == 3 && !elem[2].isEmpty() ? elem[2] : null;
        return new GoBuildInfo.Module(elem[0], elem[1], sum, null);
    }

    private static void buildSetting(String kv, int lineNumber, Map<String, String> settings)
            throws MalformedBinaryException {
        if (kv.isEmpty()) {
            throw bad(lineNumber, "build line missing '='");
        }
        String key;
        String rawValue;
        char first = kv.charAt(0);
        if (first == '=') {
            throw bad(lineNumber, "build line with missing key");
        } else if (first == '`' || first == '"') {
            int quotedLength = quotedPrefixLength(kv);
            if (quotedLength < 0) {
                throw bad(lineNumber, "invalid quoted key in build line");
            }
            if (quotedLength == kv.length()) {
                throw bad(lineNumber, "build line missing '=' after quoted key");
            }
            if (kv.charAt(quotedLength) != '=') {
                throw bad(lineNumber, "unexpected character after quoted key");
            }
            key = unquote(kv.substring(0, quotedLength), lineNumber);
            rawValue = kv.substring(quotedLength + 1);
        } else {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw bad(lineNumber, "build line missing '=' after key");
            }
            key = kv.substring(0, eq);
            rawValue = kv.substring(eq + 1);
            if (containsAny(key, "= \t\r\n\"`")) {
                throw bad(lineNumber, "unquoted key must be quoted");
            }
        }
        String value;
        if (!rawValue.isEmpty() && (rawValue.charAt(0) == '`' || rawValue.charAt(0) == '"')) {
            value = unquote(rawValue, lineNumber);
        } else {
            value = rawValue;
            if (containsAny(value, " \t\r\n\"`")) {
                throw bad(lineNumber, "unquoted value must be quoted");
            }
        }
        settings.put(key, value);
    }

    /** The length of the Go string literal at the start of {@code s}, or -1 when there is none. */
    static int quotedPrefixLength(String s) {
        char quote = s.charAt(0);
        if (quote == '`') {
            int end = s.indexOf('`', 1);
            return end < 0 ? -1 : end + 1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Unquotes a Go string literal ({@code strconv.Unquote} for back-quoted and double-quoted strings). */
    static String unquote(String literal, int lineNumber) throws MalformedBinaryException {
        int n = literal.length();
        if (n < 2 || literal.charAt(n - 1) != literal.charAt(0)) {
            throw bad(lineNumber, "invalid quoted string");
        }
        String body = literal.substring(1, n - 1);
        if (literal.charAt(0) == '`') {
            if (body.indexOf('`') >= 0) {
                throw bad(lineNumber, "invalid quoted string");
            }
            return body.replace("\r", "");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' || c == '\n') {
                throw bad(lineNumber, "invalid quoted string");
            }
            if (c != '\\') {
                int cp = body.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
                continue;
            }
            if (++i >= body.length()) {
                throw bad(lineNumber, "invalid escape in quoted string");
            }
            char e = body.charAt(i);
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(e);
                case 'x' -> {
                    out.write(hex(body, i + 1, 2, lineNumber));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int cp = hex(body, i + 1, digits, lineNumber);
                    if (!Character.isValidCodePoint(cp)
                            || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                        throw bad(lineNumber, "invalid escape in quoted string");
                    }
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    i += digits;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 3 > body.length()) {
                        throw bad(lineNumber, "invalid escape in quoted string");
                    }
                    int value = 0;
                    for (int k = i; k < i + 3; k++) {
                        int d = body.charAt(k) - '0';
                        if (d < 0 || d > 7) {
                            throw bad(lineNumber, "invalid escape in quoted string");
                        }
                        value = value * 8 + d;
                    }
                    if (value > 255) {
                        throw bad(lineNumber, "invalid escape in quoted string");
                    }
                    out.write(value);
                    i += 2;
                }
                default -> throw bad(lineNumber, "invalid escape in quoted string");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(String s, int from, int digits, int lineNumber) throws MalformedBinaryException {
        if (from + digits > s.length()) {
            throw bad(lineNumber, "invalid escape in quoted string");
        }
        long value = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                throw bad(lineNumber, "invalid escape in quoted string");
            }
            value = value * 16 + d;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static MalformedBinaryException bad(int lineNumber, String reason) {
        return new MalformedBinaryException("could not parse Go build info: line " + lineNumber + ": " + reason);
    }
}
