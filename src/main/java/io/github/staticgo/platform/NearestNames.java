package io.github.staticgo.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Suggests the names closest to a misspelled one, counting a swap of two neighbours as one edit. */
final class NearestNames {
    private static final int MAX_SUGGESTIONS = 3;

    private NearestNames() {}

    static List<String> nearest(String wrong, Collection<String> valid) {
        int limit = Math.max(2, wrong.length() / 3);
        return valid.stream()
                .map(name -> new Scored(name, distance(wrong, name)))
                .filter(scored -> scored.distance <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String name, int distance) {}
}
