package io.github.staticgo;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the core logged, each line prefixed with its level. */
public final class RecordingLog implements BuildLog {
    public final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public synchronized void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public synchronized boolean has(String level, String fragment) {
        return lines.stream().anyMatch(l -> l.startsWith(level + " ") && l.contains(fragment));
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }
}
