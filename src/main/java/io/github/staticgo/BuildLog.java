package io.github.staticgo;

/** Where the core reports progress; the Maven adapter forwards it to Maven's log. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** What fails the build, as Surefire logs failing tests; a log without an error level warns. */
    default void error(String message) {
        warn(message);
    }

    /** A log that discards everything, for callers that do not want progress. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        };
    }
}
