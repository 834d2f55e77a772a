package io.github.staticgo.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maven interrupted (SIGTERM, as Ctrl-C or a CI cancel sends) while go runs: a child JVM stands in for
 * Maven and runs a real process tree through {@link ProcessRunner}; once the tree is up, the JVM gets
 * SIGTERM, and every process of the tree must be gone (or a zombie, which holds no resources and is
 * reaped by init) shortly after: no orphaned go, compiler or program keeps running.
 */
class InterruptedMavenTest {

    /** go run: go itself, then the program it built and started as its own child. */
    @Test
    void sigtermToMavenWhileGoRunsLeavesNoGoProcessBehind(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("program.pid");
        Path module = Tools.goModule(dir.resolve("module"), """
                package main

                import (
                	"os"
                	"strconv"
                	"time"
                )

                func main() {
                	os.WriteFile(os.Args[1]+".tmp", []byte(strconv.Itoa(os.Getpid())), 0o644)
                	os.Rename(os.Args[1]+".tmp", os.Args[1])
                	time.Sleep(10 * time.Minute)
                }
                """);
        assertNoSurvivors(module, pidFile, "go", "run", ".", pidFile.toString());
    }

    /** A deeper tree: a shell whose child starts a grandchild. */
    @Test
    void sigtermToMavenKillsGrandchildrenToo(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        assertNoSurvivors(dir, pidFile, "/bin/sh", "-c",
                "/bin/sh -c 'sleep 600 & echo $! > " + pidFile + ".tmp; mv " + pidFile + ".tmp " + pidFile + "; wait'");
    }

    /**
     * SIGTERM the moment the child exists, before the JVM could have done anything after starting it:
     * the kill must not depend on how far the JVM got.
     */
    @Test
    void sigtermRightAfterTheStartStillKillsTheChild(@TempDir Path dir) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            Process maven = standInForMaven(dir, "/bin/sleep", "600");
            try {
                ProcessHandle child = null;
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (child == null) {
                    child = maven.children().findFirst().orElse(null);
                    assertTrue(System.nanoTime() < deadline, "the child never came up");
                }
                maven.toHandle().destroy();
                assertTrue(maven.waitFor(30, TimeUnit.SECONDS), "the stand-in for Maven did not exit on SIGTERM");
                assertTrue(ProcessRunnerTest.deadWithin(child.pid(), Duration.ofSeconds(10)),
                        "attempt " + attempt + ": sleep " + child.pid() + " outlived Maven");
            } finally {
                maven.destroyForcibly();
                maven.children().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Process standInForMaven(Path workingDirectory, String... command) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/classes" + File.pathSeparator + "target/test-classes",
                RunUntilKilled.class.getName(), workingDirectory.toString()));
        jvm.addAll(List.of(command));
        return new ProcessBuilder(jvm).redirectErrorStream(true)
                .redirectOutput(workingDirectory.resolveSibling("maven-stand-in.log").toFile()).start();
    }

    private static void assertNoSurvivors(Path workingDirectory, Path pidFile, String... command) throws Exception {
        Process maven = standInForMaven(workingDirectory, command);
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.exists(pidFile)) {
                assertTrue(maven.isAlive(), "the stand-in for Maven ended early: "
                        + Files.readString(workingDirectory.resolveSibling("maven-stand-in.log")));
                assertTrue(System.nanoTime() < deadline, "the process tree never came up");
                Thread.sleep(50);
            }
            long innermost = Long.parseLong(Files.readString(pidFile).trim());
            List<ProcessHandle> tree = maven.descendants().toList();
            assertTrue(tree.stream().anyMatch(p -> p.pid() == innermost), "the innermost process is in the tree");

            maven.toHandle().destroy(); // SIGTERM: the JVM runs its shutdown hooks, as Maven's does on Ctrl-C
            assertTrue(maven.waitFor(30, TimeUnit.SECONDS), "the stand-in for Maven did not exit on SIGTERM");
            for (ProcessHandle process : tree) {
                assertTrue(ProcessRunnerTest.deadWithin(process.pid(), Duration.ofSeconds(10)),
                        "process " + process.pid() + " " + process.info().commandLine().orElse("")
                                + " outlived Maven");
            }
        } finally {
            maven.destroyForcibly();
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
