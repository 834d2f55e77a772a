package io.github.staticgo.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.Tools;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.platform.GoPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cyclonedx.exception.ParseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SBOMs of a real Go binary with real dependencies from the module proxy, a module replaced by another
 * version and one replaced by a local directory, checked against what {@code go version -m} (Go's own
 * reading of the build info), {@code sha256sum} and the CycloneDX 1.6 JSON schema say.
 */
class GoBinarySbomTest {
    private static final String MAIN = """
            package main

            import (
            	"fmt"

            	"example.com/greeting"
            	"golang.org/x/text/language"
            )

            var apiToken = "unset"

            func main() {
            	fmt.Println(greeting.Hello(), language.English, len(apiToken))
            }
            """;

    @TempDir
    static Path work;

    private static Path binary;
    private static String goVersionM;

    @BeforeAll
    static void buildBinary() throws Exception {
        Path module = Files.createDirectories(work.resolve("app"));
        Files.writeString(module.resolve("go.mod"), """
                module example.com/app

                go 1.21

                require (
                	example.com/greeting v0.0.0
                	golang.org/x/text v0.3.7
                )

                replace golang.org/x/text v0.3.7 => golang.org/x/text v0.3.8

                replace example.com/greeting => ./greeting
                """);
        Files.writeString(module.resolve("main.go"), MAIN);
        Path greeting = Files.createDirectories(module.resolve("greeting"));
        Files.writeString(greeting.resolve("go.mod"), "module example.com/greeting\n\ngo 1.21\n");
        Files.writeString(
                greeting.resolve("greeting.go"), "package greeting\n\nfunc Hello() string { return \"hello\" }\n");
        Tools.run(module, "go", "mod", "tidy");
        binary = module.resolve("app-linux-amd64");
        // Without -trimpath, so the build info records -ldflags, whose secret-named -X value must be masked.
        Tools.run(
                module,
                Map.of("CGO_ENABLED", "0", "GOOS", "linux", "GOARCH", "amd64"),
                "go",
                "build",
                "-ldflags=-X main.apiToken=s3cr3t-value",
                "-o",
                binary.toString(),
                ".");
        goVersionM = Tools.run(module, "go", "version", "-m", binary.toString());
    }

    private static JsonObject sbomOf(Path file, Optional<Instant> timestamp) throws Exception {
        SbomSubject subject = new SbomSubject(
                file,
                new GoPlatform("linux", "amd64", null),
                "linux-amd64",
                new BinaryAnalyzer().analyze(file).goBuildInfo(),
                null);
        List<StaticGoSbom.WrittenSbom> written = StaticGoSbom.write(List.of(subject), timestamp, "0.1.0-test");
        assertEquals(1, written.size());
        assertEquals("linux-amd64-cyclonedx", written.get(0).classifier());
        return JsonParser.parseString(Files.readString(written.get(0).file())).getAsJsonObject();
    }

    @Test
    void validatesAgainstTheCycloneDxSchema() throws Exception {
        sbomOf(binary, Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
        List<ParseException> problems = new org.cyclonedx.parsers.JsonParser()
                .validate(StaticGoSbom.sbomFile(binary).toFile(), StaticGoSbom.SPEC_VERSION);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void componentsAreTheModulesGoVersionMLists() throws Exception {
        JsonObject sbom = sbomOf(binary, Optional.empty());
        // go version -m: "dep path version sum", and under a replaced one "=> path version sum".
        Map<String, String> expected = new HashMap<>();
        Map<String, String> sums = new HashMap<>();
        String lastDep = null;
        for (String line : goVersionM.lines().toList()) {
            String[] columns = line.trim().split("\t");
            if (columns[0].equals("dep")) {
                lastDep = columns[1];
                expected.put(columns[1], columns[2]);
                if (columns.length > 3) {
                    sums.put(columns[1], columns[3]);
                }
            } else if (columns[0].equals("=>") && !columns[1].startsWith(".")) {
                expected.remove(lastDep);
                sums.remove(lastDep);
                expected.put(columns[1], columns[2]);
                sums.put(columns[1], columns[3]);
            }
        }
        assertEquals(Set.of("example.com/greeting", "golang.org/x/text"), expected.keySet(), goVersionM);
        assertEquals("v0.3.8", expected.get("golang.org/x/text"), "the replacement is what is linked");

        Map<String, String> components = new HashMap<>();
        for (JsonElement element : sbom.getAsJsonArray("components")) {
            JsonObject component = element.getAsJsonObject();
            if (!component.get("name").getAsString().equals("stdlib")) {
                components.put(
                        component.get("name").getAsString(),
                        component.get("version").getAsString());
            }
            assertFalse(component.has("hashes"), "a module's h1: sum is no file hash: " + component);
        }
        assertEquals(expected, components);

        JsonObject text = component(sbom, "golang.org/x/text");
        assertEquals("pkg:golang/golang.org/x/text@v0.3.8", text.get("purl").getAsString());
        assertEquals(sums.get("golang.org/x/text"), property(text, GoBinaryBom.MODULE_SUM));
        assertEquals("golang.org/x/text@v0.3.7", property(text, GoBinaryBom.REPLACES));
        assertEquals(
                "./greeting", property(component(sbom, "example.com/greeting"), GoBinaryBom.REPLACED_BY_DIRECTORY));

        String goVersion =
                goVersionM.lines().findFirst().orElseThrow().split(": ")[1].trim();
        assertEquals(goVersion, component(sbom, "stdlib").get("version").getAsString());
    }

    @Test
    void theBinaryIsTheMainComponentWithItsFileHashesAndBuildSettings() throws Exception {
        JsonObject sbom = sbomOf(binary, Optional.empty());
        JsonObject main = sbom.getAsJsonObject("metadata").getAsJsonObject("component");
        assertEquals("application", main.get("type").getAsString());
        // (devel): a main module built from a work tree has no version to put in its purl.
        assertEquals(
                "pkg:golang/example.com/app?goarch=amd64&goos=linux",
                main.get("purl").getAsString());
        Map<String, String> hashes = new HashMap<>();
        for (JsonElement hash : main.getAsJsonArray("hashes")) {
            hashes.put(
                    hash.getAsJsonObject().get("alg").getAsString(),
                    hash.getAsJsonObject().get("content").getAsString());
        }
        assertEquals(Tools.run(work, "sha256sum", binary.toString()).split(" ")[0], hashes.get("SHA-256"));
        assertEquals(Tools.run(work, "sha512sum", binary.toString()).split(" ")[0], hashes.get("SHA-512"));
        assertEquals("linux", property(main, "cdx:gomod:build:env:GOOS"));
        assertEquals("0", property(main, "cdx:gomod:build:env:CGO_ENABLED"));
        assertEquals("v1", property(main, GoBinaryBom.BUILD_SETTING + "GOAMD64"));
        String ldflags = property(main, GoBinaryBom.BUILD_SETTING + "-ldflags");
        assertEquals("-X main.apiToken=****", ldflags);
        assertFalse(Files.readString(StaticGoSbom.sbomFile(binary)).contains("s3cr3t"));

        // main -> every module and the standard library.
        JsonArray dependencies = sbom.getAsJsonArray("dependencies");
        JsonObject first = dependencies.get(0).getAsJsonObject();
        assertEquals(main.get("bom-ref").getAsString(), first.get("ref").getAsString());
        Set<String> dependsOn = new TreeSet<>();
        first.getAsJsonArray("dependsOn").forEach(ref -> dependsOn.add(ref.getAsString()));
        Set<String> refs = new TreeSet<>();
        sbom.getAsJsonArray("components")
                .forEach(c -> refs.add(c.getAsJsonObject().get("bom-ref").getAsString()));
        assertEquals(refs, dependsOn);
    }

    @Test
    void theSameBinaryElsewhereGivesTheSameBytes() throws Exception {
        Path copy = Files.createDirectories(work.resolve("elsewhere")).resolve(binary.getFileName());
        Files.copy(binary, copy);
        Optional<Instant> timestamp = Optional.of(Instant.parse("2026-01-01T00:00:00Z"));
        JsonObject one = sbomOf(binary, timestamp);
        sbomOf(copy, timestamp);
        assertEquals(Files.readString(StaticGoSbom.sbomFile(binary)), Files.readString(StaticGoSbom.sbomFile(copy)));
        assertEquals(
                "2026-01-01T00:00:00Z",
                one.getAsJsonObject("metadata").get("timestamp").getAsString());

        JsonObject later = sbomOf(copy, Optional.of(Instant.parse("2026-02-01T00:00:00Z")));
        assertNotEquals(one.get("serialNumber"), later.get("serialNumber"));
        JsonObject without = sbomOf(copy, Optional.empty());
        assertNull(without.getAsJsonObject("metadata").get("timestamp"), "no outputTimestamp, no time");
    }

    private static JsonObject component(JsonObject sbom, String name) {
        for (JsonElement element : sbom.getAsJsonArray("components")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no component " + name);
    }

    private static String property(JsonObject component, String name) {
        for (JsonElement element : component.getAsJsonArray("properties")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject().get("value").getAsString();
            }
        }
        return null;
    }
}
