package io.github.staticgo.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.Tools;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.platform.PlatformOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run over real binaries built here: Go for linux/amd64 (native) and linux/arm64 (qemu-user,
 * which CI installs: its absence fails these tests), and a dynamically linked C program that must not
 * start in the empty root.
 */
class SmokeRunTest {
    /** One program with a mode per argument, so that each behaviour is one flag away. */
    private static final String FIXTURE = """
            package main

            import (
            	"fmt"
            	"net"
            	"os"
            	"os/exec"
            	"runtime"
            	"sort"
            	"strings"
            	"time"
            )

            var version = "dev"

            func main() {
            	if len(os.Args) < 2 {
            		fmt.Println("usage: fixture --version|--exit|--inside|--hang MARK|--spew")
            		os.Exit(2)
            	}
            	switch os.Args[1] {
            	case "--version":
            		fmt.Printf("fixture %s %s/%s\\n", version, runtime.GOOS, runtime.GOARCH)
            	case "--exit":
            		fmt.Println("failing on purpose")
            		fmt.Fprintln(os.Stderr, "error: exit 3")
            		os.Exit(3)
            	case "--inside":
            		entries, _ := os.ReadDir("/")
            		var names []string
            		for _, e := range entries {
            			names = append(names, e.Name())
            		}
            		sort.Strings(names)
            		fmt.Println("root:", strings.Join(names, ","))
            		var env []string
            		for _, e := range os.Environ() {
            			env = append(env, strings.SplitN(e, "=", 2)[0])
            		}
            		fmt.Println("env:", strings.Join(env, ","))
            		ifaces, _ := net.Interfaces()
            		var up []string
            		for _, i := range ifaces {
            			if i.Flags&net.FlagUp != 0 {
            				up = append(up, i.Name)
            			}
            		}
            		fmt.Println("interfaces up:", strings.Join(up, ","))
            	case "--hang":
            		child := exec.Command(os.Args[0], "--hang-child", os.Args[2])
            		// The empty root has no /dev/null, which exec would open for unset streams.
            		child.Stdin, child.Stdout, child.Stderr = os.Stdin, os.Stdout, os.Stderr
            		if err := child.Start(); err != nil {
            			fmt.Println("no child:", err)
            		}
            		fmt.Println("hanging")
            		time.Sleep(time.Hour)
            	case "--hang-child":
            		time.Sleep(time.Hour)
            	case "--spew":
            		for {
            			os.Stdout.WriteString("y")
            		}
            	}
            }
            """;

    @TempDir
    static Path dir;

    private static Path amd64;
    private static Path arm64;
    private static Path dynamic;

    @BeforeAll
    static void build() throws IOException {
        Path module = Tools.goModule(dir.resolve("module"), FIXTURE);
        amd64 = goBuild(module, "amd64");
        arm64 = goBuild(module, "arm64");
        Path c = dir.resolve("hello.c");
        Files.writeString(c, Tools.C_HELLO);
        dynamic = dir.resolve("hello-dynamic");
        Tools.run(dir, "gcc", "-o", dynamic.toString(), c.toString());
    }

    private static Path goBuild(Path module, String goarch) {
        Path out = dir.resolve("fixture-linux-" + goarch);
        Tools.run(
                module,
                Map.of("GOOS", "linux", "GOARCH", goarch, "CGO_ENABLED", "0"),
                "go",
                "build",
                "-o",
                out.toString(),
                "-ldflags=-s -w -X main.version=1.2.3",
                ".");
        return out;
    }

    private static SmokeBinary binary(Path file) throws Exception {
        BinaryReport report = new BinaryAnalyzer().analyze(file);
        return new SmokeBinary(
                file,
                "linux/" + report.goarch(),
                "linux",
                report.goarch(),
                report.variant(),
                report.format() == Format.ELF,
                report.interpreter(),
                null);
    }

    private static SmokeResult run(Path file, SmokeOptions options) throws Exception {
        return run(file, options, System.getenv("PATH"));
    }

    private static SmokeResult run(Path file, SmokeOptions options, String path) throws Exception {
        Path work = dir.resolve("work-" + UUID.randomUUID());
        SmokeRun smoke = new SmokeRun(
                SmokeConfiguration.of(options, java.util.Map.of(), PlatformOverrides.none()),
                BuildLog.silent(),
                work,
                path,
                HostPlatform.current());
        SmokeResult result = smoke.run(List.of(binary(file))).get(0);
        try (Stream<Path> left = Files.exists(work) ? Files.list(work) : Stream.empty()) {
            assertEquals(List.of(), left.toList(), "the empty root is removed after the run");
        }
        return result;
    }

    private static SmokeOptions args(String... args) {
        return new SmokeOptions(List.of(args), null, null, 5, null, null, null);
    }

    private static SmokeOptions expecting(String output, String... args) {
        return new SmokeOptions(List.of(args), null, output, 5, null, null, null);
    }

    private static void assertEmptyRoot(SmokeResult result) {
        assertEquals(
                "bwrap", result.method(), "this machine has bwrap (CI installs it), so it must be used: " + result);
    }

    @Test
    void aHostBinaryRunsNativelyInAnEmptyRoot() throws Exception {
        SmokeResult result = run(amd64, expecting("^fixture 1\\.2\\.3 linux/amd64$", "--version"));
        assertEquals(SmokeResult.Status.PASSED, result.status(), result.toString());
        assertEmptyRoot(result);
        assertNull(result.emulator());
        assertEquals(0, result.exitCode());
        assertEquals(List.of("fixture 1.2.3 linux/amd64"), result.output());
        assertTrue(result.command().endsWith("/fixture-linux-amd64 --version"), result.command());
    }

    @Test
    void theRootHoldsOnlyTheBinaryTheEnvironmentIsEmptyAndNoNetworkIsUp() throws Exception {
        SmokeResult result = run(amd64, args("--inside"));
        assertEquals(SmokeResult.Status.PASSED, result.status(), result.toString());
        assertEquals("root: fixture-linux-amd64", result.output().get(0));
        assertEquals("env: PWD", result.output().get(1), "an empty environment but for the PWD=/ bwrap sets");
        if ("bwrap".equals(result.method())) {
            assertEquals(
                    "interfaces up: lo",
                    result.output().get(2).strip(),
                    "a new network namespace has only its own loopback (bwrap brings it up), no way out");
        }
    }

    @Test
    void anArm64BinaryRunsUnderQemuUserInsideTheEmptyRoot() throws Exception {
        SmokeResult result = run(arm64, expecting("^fixture 1\\.2\\.3 linux/arm64$", "--version"));
        assertEquals(
                SmokeResult.Status.PASSED,
                result.status(),
                "qemu-aarch64-static is needed (Debian/Ubuntu: " + "apt-get install qemu-user-static; CI installs it): "
                        + result);
        assertEmptyRoot(result);
        assertTrue(result.emulator().startsWith("qemu-aarch64"), result.emulator());
        assertTrue(
                result.command().contains(" /qemu-aarch64"),
                "the static emulator is copied into the root: " + result.command());
        SmokeResult inside = run(arm64, args("--inside"));
        assertTrue(
                inside.output()
                        .get(0)
                        .matches(
                                "root: (fixture-linux-arm64,qemu-aarch64-static|qemu-aarch64-static,fixture-linux-arm64)"),
                inside.output().toString());
    }

    @Test
    void aDynamicallyLinkedBinaryDoesNotStartAndTheReasonNamesItsInterpreter() throws Exception {
        SmokeResult result = run(dynamic, args());
        assertEquals(SmokeResult.Status.FAILED, result.status(), result.toString());
        assertEmptyRoot(result);
        assertTrue(result.reason().contains("did not start in the empty root"), result.reason());
        assertTrue(result.reason().contains("No such file or directory"), result.reason());
        assertTrue(
                result.fix().contains("dynamically linked: its interpreter /lib64/ld-linux-x86-64.so.2"), result.fix());
    }

    @Test
    void aDynamicallyLinkedBinaryUnderQemuDoesNotStartEither() throws Exception {
        SmokeOptions underQemu = new SmokeOptions(List.of(), null, null, 5, null, "qemu-x86_64-static", null);
        SmokeResult result = run(dynamic, underQemu);
        assertEquals(SmokeResult.Status.FAILED, result.status(), result.toString());
        assertTrue(result.reason().contains("Could not open '/lib64/ld-linux-x86-64.so.2'"), result.reason());
    }

    @Test
    void aWrongExitCodeFailsWithTheOutput() throws Exception {
        SmokeResult result = run(amd64, args("--exit"));
        assertEquals(SmokeResult.Status.FAILED, result.status());
        assertEquals(3, result.exitCode());
        assertTrue(result.reason().endsWith("exited with 3, expected 0"), result.reason());
        assertTrue(
                result.output().contains("failing on purpose")
                        && result.output().contains("error: exit 3"),
                "both streams are kept: " + result.output());
        SmokeOptions three = new SmokeOptions(List.of("--exit"), 3, null, 5, null, null, null);
        assertEquals(SmokeResult.Status.PASSED, run(amd64, three).status(), "<exitCode>3</exitCode> expects it");
    }

    @Test
    void theWrongVersionFails() throws Exception {
        SmokeResult result = run(amd64, expecting("^fixture 2\\.0\\.0 ", "--version"));
        assertEquals(SmokeResult.Status.FAILED, result.status());
        assertEquals(0, result.exitCode());
        assertTrue(
                result.reason().contains("printed nothing that matches <output> ^fixture 2\\.0\\.0 "), result.reason());
        assertEquals(List.of("fixture 1.2.3 linux/amd64"), result.output());
    }

    @Test
    void aHangingBinaryIsKilledWithItsChildAtTheTimeout() throws Exception {
        String mark = "smoke-hang-" + UUID.randomUUID();
        long start = System.nanoTime();
        SmokeResult result = run(amd64, new SmokeOptions(List.of("--hang", mark), null, null, 2, null, null, null));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(SmokeResult.Status.FAILED, result.status());
        assertTrue(result.timedOut(), result.toString());
        assertNull(result.exitCode());
        assertTrue(seconds < 15, "killed near its 2 s timeout, not later: " + seconds + " s");
        assertTrue(
                result.reason().contains("did not finish within 2 s and was killed with its children"),
                result.reason());
        assertEquals(List.of("hanging"), result.output());
        Thread.sleep(200);
        List<String> left = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().arguments().map(a -> List.of(a).contains(mark)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
        assertEquals(List.of(), left, "neither the binary nor its child survives the timeout");
    }

    @Test
    void endlessOutputStaysBounded() throws Exception {
        SmokeResult result = run(amd64, new SmokeOptions(List.of("--spew"), null, null, 1, null, null, null));
        assertTrue(result.timedOut(), result.toString());
        assertEquals(1, result.output().size(), result.toString());
        assertTrue(
                result.output().get(0).length() < 500 && result.output().get(0).endsWith("[line cut]"),
                result.output().get(0).length() + " chars");
    }

    @Test
    void withoutQemuAForeignBinaryIsNotRunAndTheReportNamesThePackage() throws Exception {
        Path onlyUnshare = Files.createDirectories(dir.resolve("path-without-qemu"));
        Path unshare = Path.of("/usr/bin/unshare");
        if (!Files.exists(onlyUnshare.resolve("unshare"))) {
            Files.createSymbolicLink(onlyUnshare.resolve("unshare"), unshare);
        }
        SmokeResult result = run(arm64, args("--version"), onlyUnshare.toString());
        assertEquals(SmokeResult.Status.NOT_RUN, result.status());
        assertFalse(result.ran());
        assertTrue(
                result.reason().contains("neither qemu-aarch64-static nor qemu-aarch64 is on PATH"), result.reason());
        assertTrue(result.fix().contains("apt-get install qemu-user-static"), result.fix());

        SmokeOptions required = new SmokeOptions(List.of("--version"), null, null, 5, true, null, null);
        SmokeResult failed = run(arm64, required, onlyUnshare.toString());
        assertEquals(SmokeResult.Status.FAILED, failed.status());
        assertTrue(failed.reason().contains("<requireRun> is set"), failed.reason());
    }

    @Test
    void withoutUnshareOrChrootItRunsWithAnEmptiedEnvironmentAndSaysSo() throws Exception {
        Path nothing = Files.createDirectories(dir.resolve("empty-path"));
        SmokeResult result = run(amd64, args("--inside"), nothing.toString());
        assertEquals(SmokeResult.Status.PASSED, result.status(), result.toString());
        assertEquals("environment", result.method());
        assertEquals("env:", result.output().get(1).strip());
        List<BuildLogLine> lines = new ArrayList<>();
        SmokeRun smoke = new SmokeRun(
                SmokeConfiguration.of(args("--version"), java.util.Map.of(), PlatformOverrides.none()),
                recording(lines),
                dir.resolve("work-log"),
                nothing.toString(),
                HostPlatform.current());
        smoke.run(List.of(binary(amd64)));
        assertTrue(
                lines.stream().anyMatch(l -> l.warn() && l.text().contains("WITHOUT an empty root")), lines.toString());
    }

    @Test
    void windowsBinariesAreNotRunAndTheLogSaysSoOnce() throws Exception {
        List<BuildLogLine> lines = new ArrayList<>();
        SmokeRun smoke = new SmokeRun(
                SmokeConfiguration.of(args("--version"), java.util.Map.of(), PlatformOverrides.none()),
                recording(lines),
                dir.resolve("work-windows"),
                System.getenv("PATH"),
                HostPlatform.current());
        SmokeBinary exe =
                new SmokeBinary(dir.resolve("a.exe"), "windows/amd64", "windows", "amd64", null, false, null, null);
        SmokeBinary mac = new SmokeBinary(dir.resolve("b"), "darwin/arm64", "darwin", "arm64", null, false, null, null);
        List<SmokeResult> results = smoke.run(List.of(exe, mac));
        assertEquals(
                List.of(SmokeResult.Status.NOT_RUN, SmokeResult.Status.NOT_RUN),
                results.stream().map(SmokeResult::status).toList());
        assertEquals(1, lines.stream().filter(l -> l.text().contains("not run")).count(), lines.toString());
        assertTrue(lines.get(0).text().contains("a.exe, b"), lines.toString());
    }

    @Test
    void aTargetCanBeSkipped() throws Exception {
        SmokeOptions skip = new SmokeOptions(List.of("--version"), null, null, 5, null, null, true);
        SmokeResult result = run(amd64, skip);
        assertEquals(SmokeResult.Status.NOT_RUN, result.status());
    }

    record BuildLogLine(boolean warn, String text) {}

    private static BuildLog recording(List<BuildLogLine> lines) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                lines.add(new BuildLogLine(false, message));
            }

            @Override
            public void warn(String message) {
                lines.add(new BuildLogLine(true, message));
            }

            @Override
            public void debug(String message) {}
        };
    }
}
