package io.github.staticgo.incremental;

import io.github.staticgo.FileDigest;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything that decides a binary besides its input files, fact by fact, so that a rebuild can say which
 * fact changed. Values of the go command's flags and environment are kept as digests: they may hold
 * secrets, and the record only needs to tell them apart.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /**
     * @param facts what decides the binary besides its command, by name ("go", "plugin", ...), in clear
     * @param command the exact go command line and environment
     * @param cgo whether a C compiler links it: a new compiler may link differently
     * @param watched where the C compiler and the directories searched for it are stamped
     */
    public static Map<String, String> of(
            Map<String, String> facts, ProcessSpec command, boolean cgo, WatchedFiles watched) throws IOException {
        Map<String, String> named = new LinkedHashMap<>(facts);
        List<String> positional = new ArrayList<>();
        List<String> switches = new ArrayList<>();
        for (String argument : command.command().subList(1, command.command().size())) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("-") && equals > 0) {
                named.put(argument.substring(0, equals), FileDigest.sha256(argument));
            } else if (argument.startsWith("-")) {
                switches.add(argument);
            } else {
                positional.add(argument);
            }
        }
        named.put("go command", FileDigest.sha256(String.join("\n", positional) + "\n" + switches));
        new TreeMap<>(command.environment())
                .forEach((key, value) -> named.put(key, FileDigest.sha256(key + "=" + value)));
        if (cgo) {
            named.put("C compiler", compilerIdentity(command.environment(), watched));
        }
        return named;
    }

    /**
     * Why {@code now} does not match {@code recorded}: "-ldflags, GOARM changed", "go changed (go1.26.7 →
     * go1.26.8)"; empty when they match.
     */
    public static Optional<String> changes(Map<String, String> recorded, Map<String, String> now) {
        List<String> changed = new ArrayList<>();
        String clear = null;
        for (Map.Entry<String, String> fact : now.entrySet()) {
            String before = recorded.get(fact.getKey());
            if (!Objects.equals(fact.getValue(), before)) {
                changed.add(fact.getKey());
                if (clear == null && before != null && !looksLikeDigest(before)) {
                    clear = " (" + before + " → " + fact.getValue() + ")";
                }
            }
        }
        recorded.keySet().stream().filter(key -> !now.containsKey(key)).forEach(changed::add);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        String names = changed.size() > 4
                ? String.join(", ", changed.subList(0, 4)) + " and " + (changed.size() - 4) + " more"
                : String.join(", ", changed);
        return Optional.of(names + " changed" + (changed.size() == 1 && clear != null ? clear : ""));
    }

    private static boolean looksLikeDigest(String value) {
        return value.matches("[0-9a-f]{64}");
    }

    /**
     * The C compiler's path, size and time. Every PATH directory is watched too: a compiler put into one
     * before the one found is the one a build would find.
     */
    private static String compilerIdentity(Map<String, String> environment, WatchedFiles watched) throws IOException {
        String cc = environment.getOrDefault("CC", "gcc");
        for (String directory : String.valueOf(environment.get("PATH")).split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                watched.stamp(Path.of(directory));
            }
        }
        Optional<Path> compiler = Executables.find(cc.split("\\s+")[0], environment.get("PATH"));
        if (compiler.isEmpty()) {
            return cc + " (not found)";
        }
        watched.stamp(compiler.get().toRealPath());
        BasicFileAttributes attributes = Files.readAttributes(compiler.get().toRealPath(), BasicFileAttributes.class);
        return cc + " " + compiler.get().toRealPath() + " " + attributes.size() + " " + attributes.lastModifiedTime();
    }
}
