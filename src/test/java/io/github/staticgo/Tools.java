package io.github.staticgo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real toolchains that make test fixtures. A missing tool fails the test (CI installs
 * them all); it never skips, so a green run always means the fixtures were really built.
 */
public final class Tools {

    /** What a fixture program prints; the same source is built for every target. */
    public static final String GO_MAIN = """
            package main

            import "os"

            func main() { os.Stdout.WriteString("hello\\n") }
            """;

    public static final String C_HELLO = """
            #include <stdio.h>
            int main(void) { puts("hello"); return 0; }
            """;

    public static final String C_GETPWNAM = """
            #include <pwd.h>
            #include <stdio.h>
            int main(int argc, char **argv) {
                struct passwd *p = getpwnam(argc > 1 ? argv[1] : "root");
                puts(p ? p->pw_dir : "?");
                return 0;
            }
            """;

    private Tools() {}

    /** Writes a Go module with {@link #GO_MAIN} into {@code dir}. */
    public static Path goModule(Path dir) throws IOException {
        return goModule(dir, GO_MAIN);
    }

    /** Writes a one-file main module into {@code dir}. */
    public static Path goModule(Path dir, String mainSource) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module example.com/fixture\n\ngo 1.21\n");
        Files.writeString(dir.resolve("main.go"), mainSource);
        return dir;
    }

    /** Runs a command in {@code dir} with extra environment variables; fails the test unless it exits 0. */
    public static String run(Path dir, Map<String, String> env, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("GOTOOLCHAIN", "local");
        builder.environment().put("GOFLAGS", "-buildvcs=false");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("cannot run " + command[0] + " (is it installed and on PATH?): " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            fail("interrupted: " + String.join(" ", command));
        }
        String out = stdout.join();
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " " + env + " exited with " + process.exitValue() + "\nstdout:\n" + out
                    + "\nstderr:\n" + stderr.join());
        }
        return out;
    }

    public static String run(Path dir, String... command) {
        return run(dir, Map.of(), command);
    }

    /** Drains a stream on its own thread (not the common pool, which may have one thread). */
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try (stream) {
                        result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        result.completeExceptionally(new UncheckedIOException(e));
                    }
                },
                "drain");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The Linux GOARCH values {@code go tool dist list} offers. */
    public static List<String> linuxGoarches(Path dir) {
        List<String> arches = new ArrayList<>();
        for (String line : run(dir, "go", "tool", "dist", "list").split("\n")) {
            if (line.startsWith("linux/")) {
                arches.add(line.substring("linux/".length()).trim());
            }
        }
        if (arches.isEmpty()) {
            fail("go tool dist list offers no linux targets");
        }
        return arches;
    }
}
