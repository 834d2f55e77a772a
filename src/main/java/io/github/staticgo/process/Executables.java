package io.github.staticgo.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds a program the way a shell would, from a PATH value, without running a shell. */
public final class Executables {
    private static final boolean WINDOWS =
            System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

    private Executables() {}

    /** An absolute or relative path is taken as it is; a bare name is looked up on {@code pathValue}. */
    public static Optional<Path> find(String name, String pathValue) {
        if (name.contains("/") || name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isRegularFile(path) && Files.isExecutable(path)
                    ? Optional.of(path.toAbsolutePath())
                    : Optional.empty();
        }
        if (pathValue == null) {
            return Optional.empty();
        }
        List<String> suffixes = WINDOWS ? List.of(".exe", ".bat", ".cmd", "") : List.of("");
        for (String directory : pathValue.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            for (String suffix : suffixes) {
                Path candidate = Path.of(directory, name + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    /** The name Go's own executable has on this host. */
    public static String goFileName() {
        return WINDOWS ? "go.exe" : "go";
    }
}
