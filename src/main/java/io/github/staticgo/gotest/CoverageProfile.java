package io.github.staticgo.gotest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a {@code -coverprofile} file ("mode: set", then {@code file:start,end statements count} per
 * block) and computes the share of statements run, as {@code go tool cover -func} totals it. A block
 * listed more than once (several test binaries with {@code -coverpkg}) counts once, covered if any run covered it.
 */
public final class CoverageProfile {
    private CoverageProfile() {}

    /** The percentage of statements covered; empty when the profile has no statements. */
    public static OptionalDouble totalPercent(Path profile) throws IOException {
        return totalPercent(Files.readAllLines(profile));
    }

    static OptionalDouble totalPercent(List<String> lines) {
        Map<String, long[]> blocks = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("mode:") || line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            if (fields.length != 3) {
                continue;
            }
            try {
                long statements = Long.parseLong(fields[1]);
                long count = Long.parseLong(fields[2]);
                blocks.merge(fields[0], new long[] {statements, count}, (a, b) ->
                        new long[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
            } catch (NumberFormatException e) {
                // not a block line
            }
        }
        long total = 0;
        long covered = 0;
        for (long[] block : blocks.values()) {
            total += block[0];
            if (block[1] > 0) {
                covered += block[0];
            }
        }
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * covered / total);
    }
}
