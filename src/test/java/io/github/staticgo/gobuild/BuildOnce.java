package io.github.staticgo.gobuild;

import io.github.staticgo.BuildLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A stand-in for one Maven run of the build goal, in a JVM of its own, for {@link ConcurrentBuildsTest}.
 *
 * <p>Arguments: the work directory, the module directory, the link flags, then the targets.
 */
public final class BuildOnce {
    private BuildOnce() {}

    public static void main(String[] args) throws Exception {
        BuildConfiguration configuration = TestBuilds.configuration(
                Path.of(args[0]),
                Path.of(args[1]),
                List.of(args).subList(3, args.length),
                TestBuilds.settings(args[2], Duration.ofMinutes(5)),
                null,
                null,
                2,
                false);
        TestBuilds.run(configuration, new BuildLog() {
            @Override
            public void info(String message) {
                System.out.println(message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }

            @Override
            public void debug(String message) {}
        });
    }
}
