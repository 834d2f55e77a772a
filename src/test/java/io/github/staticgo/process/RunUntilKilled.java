package io.github.staticgo.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for Maven in {@link InterruptedMavenTest}: a JVM that runs one command through
 * {@link ProcessRunner}, as the build goal runs go, until it is killed.
 *
 * <p>Arguments: the working directory, then the command and its arguments.
 */
public final class RunUntilKilled {
    private RunUntilKilled() {}

    public static void main(String[] args) throws Exception {
        List<String> command = Arrays.asList(args).subList(1, args.length);
        ProcessResult result = new ProcessRunner()
                .run(
                        new ProcessSpec(command, Path.of(args[0]), System.getenv(), Duration.ofMinutes(10)),
                        line -> System.out.println(line.text()));
        System.out.println("exited " + result.exitCode());
    }
}
