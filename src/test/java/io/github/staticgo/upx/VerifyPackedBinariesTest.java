package io.github.staticgo.upx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.FileDigest;
import io.github.staticgo.RecordingLog;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.sbom.StaticGoSbom;
import io.github.staticgo.verify.ExpectedBinary;
import io.github.staticgo.verify.Finding;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import io.github.staticgo.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify over binaries the compress goal packed with the UPX test double (not UPX): the packed file's
 * format and architecture, the unpacked original's linkage and Go build info, and the report's fields.
 */
class VerifyPackedBinariesTest {
    private static final VerifyPolicy DEFAULTS = VerifyPolicy.DEFAULTS;

    @TempDir
    Path work;

    private Path out;
    private UpxDouble upx;

    @BeforeEach
    void setUp() throws IOException {
        out = work.resolve("static-go");
        Files.createDirectories(out);
        upx = UpxDouble.installIn(work.resolve("tools"));
    }

    @Test
    void aPackedStaticGoBinaryPassesWithLinkageAndBuildInfoFromItsOriginal() throws Exception {
        Path module = Tools.goModule(work.resolve("module"));
        Path binary = out.resolve("app-linux-amd64");
        Tools.run(
                module,
                Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0"),
                "go",
                "build",
                "-ldflags=-s -w",
                "-o",
                binary.toString(),
                ".");
        manifest(binary, "amd64");
        pack();

        VerifyReport report = verify();

        assertTrue(report.ok(), report.failureMessage());
        VerifyReport.Entry entry = report.entries().get(0);
        assertTrue(entry.upx());
        assertEquals("4.2.4", entry.upxVersion());
        assertEquals("static", entry.linkage());
        assertTrue(entry.goVersion().startsWith("go1."), "Go build info read from the original: " + entry);
        assertEquals(Boolean.FALSE, entry.cgo());
        assertEquals("amd64", entry.goarch());
        assertEquals(out.resolve("unpacked/app-linux-amd64").toString(), entry.unpackedFile());
        assertEquals(Files.size(out.resolve("unpacked/app-linux-amd64")), entry.unpackedSize());
        assertEquals(FileDigest.sha256(binary), entry.sha256(), "size and sha256 stay the file's own");
        assertEquals(FileDigest.sha256(out.resolve("unpacked/app-linux-amd64")), entry.unpackedSha256());
        assertTrue(
                report.summaryTable().get(1).contains("(upx, was "),
                report.summaryTable().toString());
    }

    @Test
    void aPackedDynamicBinaryFailsOnItsOriginalsLinkage() throws Exception {
        Path c = work.resolve("hello.c");
        Files.writeString(c, Tools.C_HELLO);
        Path binary = out.resolve("hello-linux-amd64");
        Tools.run(work, "gcc", "-o", binary.toString(), c.toString());
        manifest(binary, "amd64");
        pack();

        VerifyReport report = verify();

        assertFalse(report.ok());
        List<String> problems = report.entries().get(0).problems();
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("is dynamically linked: interpreter ")),
                problems.toString());
        assertEquals("dynamic", report.entries().get(0).linkage(), "the original's linkage, not the stub's");
    }

    @Test
    void aPackedBinaryForAnotherArchitectureFailsOnce() throws Exception {
        Path module = Tools.goModule(work.resolve("module"));
        Path binary = out.resolve("app-linux-arm64");
        Tools.run(
                module,
                Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0"),
                "go",
                "build",
                "-ldflags=-s -w",
                "-o",
                binary.toString(),
                ".");
        manifest(binary, "arm64");
        pack();

        List<Finding> findings = verify().entries().get(0).findings();

        assertEquals(
                1,
                findings.stream()
                        .filter(f -> f.problem().startsWith("its header says amd64"))
                        .count(),
                findings.toString());
    }

    @Test
    void aMissingOriginalOrAFileWithoutUpxMarksIsAFinding() throws Exception {
        Path module = Tools.goModule(work.resolve("module"));
        Path binary = out.resolve("app-linux-amd64");
        Tools.run(
                module,
                Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0"),
                "go",
                "build",
                "-ldflags=-s -w",
                "-o",
                binary.toString(),
                ".");
        Path pristine = work.resolve("pristine");
        Files.copy(binary, pristine);
        manifest(binary, "amd64");
        pack();
        Files.delete(out.resolve("unpacked/app-linux-amd64"));
        Files.copy(pristine, binary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<String> problems = verify().entries().get(0).problems();

        assertTrue(
                problems.contains("is recorded in build.json as UPX-packed but carries no UPX marks"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("has no unpacked original at ")), problems.toString());
    }

    @Test
    void anUnpackedBinaryKeepsItsReportAsBefore() throws Exception {
        Path binary = buildLinuxAmd64();
        manifest(binary, "amd64");

        VerifyReport.Entry entry = verify().entries().get(0);

        assertFalse(entry.upx());
        assertNull(entry.upxVersion());
        assertNull(entry.unpackedFile());
        assertNull(entry.unpackedSize());
        assertEquals("static", entry.linkage());
    }

    @Test
    void theSbomOfAPackedBinaryHasThePackedFilesHashesAndTheOriginalsModules() throws Exception {
        Path binary = buildLinuxAmd64();
        manifest(binary, "amd64");
        pack();
        assertTrue(verify().ok());

        List<StaticGoSbom.WrittenSbom> written = StaticGoSbom.write(
                new StaticGoSbom.SbomRequest(out, work.resolve("verify-report.json"), Optional.empty(), "test"));

        assertEquals(1, written.size());
        JsonObject main = JsonParser.parseString(Files.readString(written.get(0).file()))
                .getAsJsonObject()
                .getAsJsonObject("metadata")
                .getAsJsonObject("component");
        String sha256 = null;
        for (JsonElement hash : main.getAsJsonArray("hashes")) {
            if (hash.getAsJsonObject().get("alg").getAsString().equals("SHA-256")) {
                sha256 = hash.getAsJsonObject().get("content").getAsString();
            }
        }
        assertEquals(Tools.run(work, "sha256sum", binary.toString()).split(" ")[0], sha256, "the packed file's");
        String goVersion = Tools.run(
                        work,
                        "go",
                        "version",
                        out.resolve("unpacked/app-linux-amd64").toString())
                .split(" ")[1]
                .trim();
        List<String> properties = new java.util.ArrayList<>();
        main.getAsJsonArray("properties")
                .forEach(p -> properties.add(p.getAsJsonObject().get("name").getAsString() + "="
                        + p.getAsJsonObject().get("value").getAsString()));
        assertTrue(properties.contains("static-go:upx:version=4.2.4"), properties::toString);
        assertTrue(properties.contains("static-go:go:toolchain=" + goVersion), properties::toString);
    }

    @Test
    void aBinaryThatChangedSinceVerifyGetsNoSbom() throws Exception {
        Path binary = buildLinuxAmd64();
        manifest(binary, "amd64");
        assertTrue(verify().ok());
        Tools.run(
                work.resolve("module"),
                Map.of("CGO_ENABLED", "0"),
                "go",
                "build",
                "-ldflags=-s",
                "-o",
                binary.toString(),
                ".");
        manifest(binary, "amd64"); // build.json now records another file than verify passed

        assertEquals(
                List.of(),
                StaticGoSbom.write(new StaticGoSbom.SbomRequest(
                        out, work.resolve("verify-report.json"), Optional.empty(), "test")));
        assertFalse(Files.exists(StaticGoSbom.sbomFile(binary)));
    }

    /** out/app-linux-amd64, built from a one-file module with go's defaults. */
    private Path buildLinuxAmd64() throws IOException {
        Path binary = out.resolve("app-linux-amd64");
        Tools.run(
                Tools.goModule(work.resolve("module")),
                Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0"),
                "go",
                "build",
                "-o",
                binary.toString(),
                ".");
        return binary;
    }

    private void manifest(Path binary, String goarch) throws IOException {
        new BuildManifest(
                        "go1.26",
                        List.of(new BuiltBinary(
                                binary.getFileName().toString(),
                                ".",
                                "linux",
                                goarch,
                                null,
                                null,
                                "off",
                                true,
                                "linux-" + goarch,
                                Files.size(binary),
                                FileDigest.sha256(binary),
                                "default",
                                null)))
                .write(out);
    }

    private void pack() throws Exception {
        new StaticGoCompress(new ProcessRunner(), new RecordingLog()).run(upx.packEverything(out));
    }

    private VerifyReport verify() throws IOException {
        List<ExpectedBinary> expected = StaticGoVerify.fromManifest(out);
        return StaticGoVerify.verify(expected, DEFAULTS, false, work.resolve("verify-report.json"));
    }
}
