package io.github.staticgo.bench;

import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.BinaryReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Shows that analysis time does not grow with binary size: builds a small Go binary and one that
 * embeds ~200 MB of data, then analyzes both alternately and prints medians and their ratio.
 * Run with bench/analyzer-size.sh.
 */
public final class AnalyzerSizeBenchmark {
    private static final int ROUNDS = 200;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("static-go-bench-");
        Path small = build(work.resolve("small"), 0);
        Path large = build(work.resolve("large"), 200 << 20);
        BinaryAnalyzer analyzer = new BinaryAnalyzer();
        for (int i = 0; i < 50; i++) { // warm-up: JIT and page cache for both
            analyzer.analyze(small);
            analyzer.analyze(large);
        }
        long[] smallTimes = new long[ROUNDS];
        long[] largeTimes = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) { // alternate, so drift hits both alike
            smallTimes[i] = time(analyzer, small);
            largeTimes[i] = time(analyzer, large);
        }
        double smallMedian = median(smallTimes) / 1000.0;
        double largeMedian = median(largeTimes) / 1000.0;
        System.out.printf(
                Locale.ROOT, "small: %,d bytes, median %.1f us over %d runs%n", Files.size(small), smallMedian, ROUNDS);
        System.out.printf(
                Locale.ROOT, "large: %,d bytes, median %.1f us over %d runs%n", Files.size(large), largeMedian, ROUNDS);
        System.out.printf(
                Locale.ROOT,
                "size ratio large/small: %.1f x; time ratio large/small: %.2f x%n",
                Files.size(large) / (double) Files.size(small),
                largeMedian / smallMedian);
    }

    private static long time(BinaryAnalyzer analyzer, Path file) throws Exception {
        long start = System.nanoTime();
        BinaryReport report = analyzer.analyze(file);
        long elapsed = System.nanoTime() - start;
        if (report.goBuildInfo() == null) {
            throw new IllegalStateException("no Go build info read from " + file);
        }
        return elapsed;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A Go program that embeds {@code payload} random bytes, built for linux/amd64 without cgo. */
    private static Path build(Path module, int payload) throws IOException, InterruptedException {
        Files.createDirectories(module);
        Files.writeString(module.resolve("go.mod"), "module example.com/bench\n\ngo 1.21\n");
        Files.writeString(
                module.resolve("main.go"),
                "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\n"
                        + "//go:embed payload.bin\nvar payload []byte\n\nfunc main() { fmt.Println(len(payload)) }\n");
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(module.resolve("payload.bin"))) {
            for (int written = 0; written < payload; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(chunk.length, payload - written));
            }
        }
        Path binary = module.resolve("app");
        ProcessBuilder builder = new ProcessBuilder("go", "build", "-trimpath", "-o", binary.toString(), ".")
                .directory(module.toFile())
                .inheritIO();
        builder.environment().putAll(java.util.Map.of("CGO_ENABLED", "0", "GOOS", "linux", "GOARCH", "amd64"));
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("go build failed in " + module);
        }
        return binary;
    }
}
