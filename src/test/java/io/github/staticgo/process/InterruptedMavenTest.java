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
        assertNoSurvivors(module, pidFile, pidFile.toString(), "go", "run", ".", pidFile.toString());
    }

    /** A deeper tree: a shell whose child starts a grandchild. */
    @Test
    void sigtermToMavenKillsGrandchildrenToo(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Path sleeper = ProcessTable.sleeper(dir);
        assertNoSurvivors(
                dir,
                pidFile,
                sleeper.toString(),
                "/bin/sh",
                "-c",
                "/bin/sh -c '" + sleeper + " 600 & echo $! > " + pidFile + ".tmp; mv " + pidFile + ".tmp " + pidFile
                        + "; wait'");
    }

    /**
     * {@code kill -9} of Maven while go compiles: no shutdown hook runs, and still neither go nor a compile
     * it started is alive 10 s later. A cold build cache makes go compile the standard library, so there
     * are compile processes to catch.
     */
    @Test
    void kill9OfMavenWhileGoCompilesLeavesNoGoOrCompileBehind(@TempDir Path dir) throws Exception {
        Path module = Tools.goModule(dir.resolve("module"), """
                package main

                import (
                	"fmt"
                	"net/http"
                )

                func main() { fmt.Println(http.StatusOK) }
                """);
        Process maven = standInForMaven(
                module,
                "/usr/bin/env",
                "GOCACHE=" + dir.resolve("cache"),
                "go",
                "build",
                "-a",
                "-o",
                dir.resolve("binary").toString(),
                ".");
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            List<ProcessHandle> tree = List.of();
            while (tree.stream().noneMatch(p -> p.info().command().orElse("").endsWith("/compile"))) {
                assertTrue(maven.isAlive() && System.nanoTime() < deadline, "go never started a compile");
                Thread.sleep(20);
                tree = maven.descendants().toList();
            }
            maven.destroyForcibly(); // SIGKILL: the JVM runs nothing more
            assertTrue(maven.waitFor(30, TimeUnit.SECONDS), "the stand-in for Maven survived SIGKILL");
            for (ProcessHandle process : tree) {
                assertTrue(
                        ProcessTable.deadWithin(process.pid(), Duration.ofSeconds(10)),
                        "process " + process.pid() + " "
                                + process.info().commandLine().orElse("") + " outlived Maven's kill -9");
            }
        } finally {
            maven.destroyForcibly();
        }
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
                assertTrue(
                        ProcessTable.deadWithin(child.pid(), Duration.ofSeconds(10)),
                        "attempt " + attempt + ": sleep " + child.pid() + " outlived Maven");
            } finally {
                maven.destroyForcibly();
                maven.children().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Process standInForMaven(Path workingDirectory, String... command) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                "target/classes" + File.pathSeparator + "target/test-classes",
                RunUntilKilled.class.getName(),
                workingDirectory.toString()));
        jvm.addAll(List.of(command));
        return new ProcessBuilder(jvm)
                .redirectErrorStream(true)
                .redirectOutput(
                        workingDirectory.resolveSibling("maven-stand-in.log").toFile())
                .start();
    }

    /**
     * @param pidFile written once the innermost process runs
     * @param marker an argument of the innermost process: it finds it from here, outside its PID namespace
     */
    private static void assertNoSurvivors(Path workingDirectory, Path pidFile, String marker, String... command)
            throws Exception {
        Process maven = standInForMaven(workingDirectory, command);
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.exists(pidFile)) {
                assertTrue(
                        maven.isAlive(),
                        "the stand-in for Maven ended early: "
                                + Files.readString(workingDirectory.resolveSibling("maven-stand-in.log")));
                assertTrue(System.nanoTime() < deadline, "the process tree never came up");
                Thread.sleep(50);
            }
            List<Long> innermost = ProcessTable.withArgumentContaining(marker).stream()
                    .filter(pid -> pid != maven.pid())
                    .toList(); // the stand-in's own arguments name it too
            List<ProcessHandle> tree = maven.descendants().toList();
            assertTrue(
                    !innermost.isEmpty()
                            && tree.stream().map(ProcessHandle::pid).toList().containsAll(innermost),
                    "the innermost process is in the tree");

            maven.toHandle().destroy(); // SIGTERM: the JVM runs its shutdown hooks, as Maven's does on Ctrl-C
            assertTrue(maven.waitFor(30, TimeUnit.SECONDS), "the stand-in for Maven did not exit on SIGTERM");
            for (ProcessHandle process : tree) {
                assertTrue(
                        ProcessTable.deadWithin(process.pid(), Duration.ofSeconds(10)),
                        "process " + process.pid() + " "
                                + process.info().commandLine().orElse("") + " outlived Maven");
            }
        } finally {
            maven.destroyForcibly();
            ProcessTable.withArgumentContaining(marker)
                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }
}
