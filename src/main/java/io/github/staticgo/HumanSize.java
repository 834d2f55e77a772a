package io.github.staticgo;

import java.util.Locale;

/** File sizes as people read them in the log. */
public final class HumanSize {
    private HumanSize() {}

    public static String of(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
