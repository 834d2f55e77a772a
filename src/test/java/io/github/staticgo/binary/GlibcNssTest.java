package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which static binaries carry glibc's NSS module loader: Go programs that import {@code net} and
 * {@code os/user} (whose pure-Go resolver reads {@code /etc/nsswitch.conf} too) linked every way
 * that matters, and C programs with and without a user lookup. Each is built as it is and with
 * its symbols stripped. The oracle is the symbol table of the unstripped build as readelf lists
 * it: glibc's loader is {@code __nss_module_load} (glibc 2.34 and later) or
 * {@code nss_load_library} (before).
 */
class GlibcNssTest {

    static final String GO_NET_AND_USER = """
            package main

            import (
                "net"
                "os"
                "os/user"
            )

            func main() {
                u, err := user.Current()
                if err == nil {
                    os.Stdout.WriteString(u.HomeDir + "\\n")
                }
                addrs, _ := net.LookupHost("localhost")
                os.Stdout.WriteString(addrs[0] + "\\n")
            }
            """;
    private static final String STATIC_EXTERNAL_LINK = "-linkmode external -extldflags \"-static\"";
    private static final String NETGO = "-tags=netgo,osusergo";

    /** A build: its directory, environment, command and whether the build asks for glibc's NSS. */
    private record Fixture(Path dir, Map<String, String> env, List<String> command, boolean glibcNss) {}

    @TempDir
    static Path dir;

    private static final Map<String, Fixture> fixtures = new LinkedHashMap<>();

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    @BeforeAll
    static void buildFixtures() throws Exception {
        Path module = Tools.goModule(dir.resolve("go"), GO_NET_AND_USER);
        Path c = Files.createDirectories(dir.resolve("c"));
        Files.writeString(c.resolve("hello.c"), Tools.C_HELLO);
        Files.writeString(c.resolve("pw.c"), Tools.C_GETPWNAM);
        Map<String, String> pureGo = Map.of("CGO_ENABLED", "0");
        Map<String, String> cgo = Map.of("CGO_ENABLED", "1");
        Map<String, String> musl = Map.of("CGO_ENABLED", "1", "CC", "musl-gcc");
        for (boolean strip : new boolean[] {false, true}) {
            String suffix = strip ? "-stripped" : "";
            String ldflags = "-ldflags=" + (strip ? "-s -w " : "");
            goFixture(module, "go-pure" + suffix, pureGo, false, ldflags);
            // With net's and os/user's cgo code left out, no package uses cgo: Go links it alone, statically.
            goFixture(module, "go-cgo-netgo-osusergo" + suffix, cgo, false, ldflags, NETGO);
            goFixture(module, "go-musl-static" + suffix, musl, false, ldflags + STATIC_EXTERNAL_LINK);
            goFixture(
                    module,
                    "go-musl-static-netgo-osusergo" + suffix,
                    musl,
                    false,
                    ldflags + STATIC_EXTERNAL_LINK,
                    NETGO);
            goFixture(
                    module,
                    "go-glibc-static-netgo-osusergo" + suffix,
                    cgo,
                    false,
                    ldflags + STATIC_EXTERNAL_LINK,
                    NETGO);
            goFixture(module, "go-glibc-static" + suffix, cgo, true, ldflags + STATIC_EXTERNAL_LINK);
            cFixture(c, "c-glibc-static-puts" + suffix, "hello.c", false, strip);
            cFixture(c, "c-glibc-static-getpwnam" + suffix, "pw.c", true, strip);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (Fixture fixture : fixtures.values()) {
                builds.add(
                        pool.submit(() -> Tools.run(fixture.dir, fixture.env, fixture.command.toArray(String[]::new))));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void goFixture(
            Path module, String name, Map<String, String> env, boolean glibcNss, String... flags) {
        List<String> command = new ArrayList<>(List.of("go", "build"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", binary(name).toString(), "."));
        fixtures.put(name, new Fixture(module, env, command, glibcNss));
    }

    private static void cFixture(Path c, String name, String source, boolean glibcNss, boolean strip) {
        List<String> command = new ArrayList<>(List.of("gcc", "-static"));
        if (strip) {
            command.add("-s");
        }
        command.addAll(List.of("-o", binary(name).toString(), source));
        fixtures.put(name, new Fixture(c, Map.of(), command, glibcNss));
    }

    private static Path binary(String name) {
        return dir.resolve("bin").resolve(name);
    }

    /** Whether readelf lists glibc's NSS module loader among the symbols of {@code file}. */
    private static boolean symbolTableHasNssLoader(Path file) {
        String symbols = Tools.run(dir, "readelf", "-sW", file.toString());
        return symbols.lines()
                .map(String::strip)
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .anyMatch(name -> name.equals("__nss_module_load") || name.equals("nss_load_library"));
    }

    @TestFactory
    Stream<DynamicTest> glibcNssIsReportedExactlyWhereGlibcsLoaderIsLinkedIn() {
        return fixtures.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    String name = entry.getKey();
                    Path unstripped = binary(name.replace("-stripped", ""));
                    boolean expected = entry.getValue().glibcNss;
                    assertEquals(expected, symbolTableHasNssLoader(unstripped), "readelf -s " + unstripped);
                    BinaryReport report = analyzer.analyze(binary(name));
                    assertTrue(
                            report.linkage() == Linkage.STATIC || report.linkage() == Linkage.STATIC_PIE,
                            "only static binaries carry NSS inside them: " + report.linkage());
                    assertEquals(name.endsWith("-stripped"), report.stripped());
                    assertEquals(expected, report.glibcNss());
                }));
    }
}
