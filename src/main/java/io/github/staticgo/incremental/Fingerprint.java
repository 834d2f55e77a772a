package io.github.staticgo.incremental;

import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One digest of everything that decides a binary, compared with its up-to-date record. */
public final class Fingerprint {
    private Fingerprint() {}

    /**
     * @param facts what decides the binary besides its command, one line each, in a fixed order
     * @param command the exact go command line and environment
     * @param cgo whether a C compiler links it: a new compiler may link differently
     */
    public static String of(List<String> facts, ProcessSpec command, boolean cgo) throws IOException {
        List<String> lines = new ArrayList<>(facts);
        command.command().forEach(argument -> lines.add("arg " + argument));
        new TreeMap<>(command.environment()).forEach((key, value) -> lines.add("env " + key + "=" + value));
        if (cgo) {
            lines.add("cc " + compilerIdentity(command.environment()));
        }
        return SourceDigests.sha256(String.join("\n", lines));
    }

    /** The C compiler's path, size and time. */
    private static String compilerIdentity(Map<String, String> environment) throws IOException {
        String cc = environment.getOrDefault("CC", "gcc");
        Optional<Path> compiler = Executables.find(cc.split("\\s+")[0], environment.get("PATH"));
        if (compiler.isEmpty()) {
            return cc + " (not found)";
        }
        BasicFileAttributes attributes = Files.readAttributes(compiler.get().toRealPath(), BasicFileAttributes.class);
        return cc + " " + compiler.get().toRealPath() + " " + attributes.size() + " " + attributes.lastModifiedTime();
    }
}
