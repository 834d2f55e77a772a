package io.github.staticgo.smoke;

import io.github.staticgo.SafeFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directories that become the binaries' roots, one per run, under the smoke directory. Each name
 * carries the process id and start time of the JVM that made it ({@code root-<pid>-<start>-<random>}), so
 * that a root whose JVM is gone (Maven killed during the run) is known to be left over and removed by the
 * next run, while the roots of a live build, in this JVM ({@code mvn -T}) or another, are never touched: a
 * reused process id has another start time.
 */
final class SmokeRoots {
    private static final Pattern OWNED = Pattern.compile("root-(\\d+)-(\\d+)-\\d+");

    private SmokeRoots() {}

    /** A new, empty root. */
    static Path create(Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        ProcessHandle self = ProcessHandle.current();
        return Files.createTempDirectory(
                workDirectory, "root-" + self.pid() + "-" + startMillis(self).orElse(0L) + "-");
    }

    /**
     * Removes the roots no live JVM owns: those of a JVM that has ended, and those of earlier versions of
     * this plugin, whose names carry no owner.
     *
     * @return the roots that could not be removed, with why
     */
    static List<String> sweepStale(Path workDirectory) {
        List<String> failures = new ArrayList<>();
        if (!Files.isDirectory(workDirectory)) {
            return failures;
        }
        try (DirectoryStream<Path> roots = Files.newDirectoryStream(workDirectory, "root-*")) {
            for (Path root : roots) {
                if (!ownerAlive(root.getFileName().toString())) {
                    try {
                        SafeFiles.deleteTree(root);
                    } catch (IOException e) {
                        failures.add(root + ": " + e);
                    }
                }
            }
        } catch (IOException e) {
            failures.add(workDirectory + ": " + e);
        }
        return failures;
    }

    private static boolean ownerAlive(String name) {
        Matcher owner = OWNED.matcher(name);
        if (!owner.matches()) {
            return false;
        }
        long start = Long.parseLong(owner.group(2));
        return ProcessHandle.of(Long.parseLong(owner.group(1)))
                .map(process -> startMillis(process).map(s -> s == start).orElse(true))
                .orElse(false);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
