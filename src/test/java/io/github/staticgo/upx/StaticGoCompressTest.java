package io.github.staticgo.upx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.RecordingLog;
import io.github.staticgo.Tools;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.manifest.UpxPacking;
import io.github.staticgo.platform.PlatformOverrides;
import io.github.staticgo.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compress goal's core over real Go binaries, with the UPX test double (not UPX) standing in for
 * upx: which targets are packed, the command line, the temporary file, the rename, the kept original,
 * and every way it can fail without leaving a broken binary.
 */
class StaticGoCompressTest {
    private static final UpxOptions ON = new UpxOptions(true, null, null, null, null, null);
    /** Real Go binaries, built once: target -> file. */
    private static final Map<String, Path> BUILT = new LinkedHashMap<>();

    @TempDir
    static Path fixtures;

    @TempDir
    Path work;

    private Path out;
    private UpxDouble upx;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void buildGoBinaries() throws IOException {
        Path module = Tools.goModule(fixtures.resolve("module"));
        for (String target : List.of("linux/amd64", "linux/arm/7", "windows/amd64", "darwin/arm64", "linux/riscv64")) {
            String[] parts = target.split("/");
            Map<String, String> env = new HashMap<>(Map.of("GOOS", parts[0], "GOARCH", parts[1], "CGO_ENABLED", "0"));
            if (parts.length == 3) {
                env.put("GOARM", parts[2]);
            }
            Path file = fixtures.resolve("bin").resolve(fileName(target));
            Tools.run(module, env, "go", "build", "-trimpath", "-ldflags=-s -w -buildid=", "-o", file.toString(), ".");
            BUILT.put(target, file);
        }
    }

    @BeforeEach
    void installDouble() throws IOException {
        out = work.resolve("target/static-go");
        upx = UpxDouble.installIn(work.resolve("tools"));
    }

    @Test
    void packsTheTargetsUpxSupportsAndSaysWhyItSkipsTheOthers() throws Exception {
        manifest("linux/amd64", "windows/amd64", "darwin/arm64", "linux/riscv64");
        byte[] linuxBefore = Files.readAllBytes(out.resolve(fileName("linux/amd64")));
        byte[] darwinBefore = Files.readAllBytes(out.resolve(fileName("darwin/arm64")));

        BuildManifest written = compress(request(ON, Map.of())).orElseThrow();

        BuiltBinary linux = written.binaries().get(0);
        Path linuxFile = out.resolve(linux.file());
        BinaryReport packed = new BinaryAnalyzer().analyze(linuxFile);
        assertTrue(packed.upxPacked(), "the double's output must look packed to the analyzer");
        assertNull(packed.goBuildInfo());
        UpxPacking record = linux.upx();
        assertTrue(record.packed());
        assertEquals("4.2.4", record.version());
        assertEquals(linuxBefore.length, record.sizeBefore());
        assertEquals(Files.size(linuxFile), record.sizeAfter());
        assertEquals("unpacked/" + linux.file(), record.unpackedFile());
        assertArrayEquals(linuxBefore, Files.readAllBytes(out.resolve(record.unpackedFile())), "the original is kept");
        assertEquals(FileDigest.sha256(linuxFile), linux.sha256(), "build.json describes the file now on disk");
        assertEquals(FileDigest.sha256(out.resolve(record.unpackedFile())), record.unpackedSha256());
        assertTrue(new BinaryAnalyzer()
                        .analyze(out.resolve("unpacked").resolve(linux.file()))
                        .goBuildInfo()
                != null);
        assertTrue(written.binaries().get(1).upx().packed(), "windows/amd64 is packed");
        assertTrue(new BinaryAnalyzer()
                .analyze(out.resolve(written.binaries().get(1).file()))
                .upxPacked());

        BuiltBinary darwin = written.binaries().get(2);
        assertFalse(darwin.upx().packed());
        assertTrue(darwin.upx().reason().contains("macOS"), darwin.upx().reason());
        assertArrayEquals(darwinBefore, Files.readAllBytes(out.resolve(darwin.file())));
        assertTrue(log.has("INFO", "darwin/arm64"), log.toString());
        assertTrue(log.has("INFO", "not packed: UPX refuses macOS binaries since 4.2"), log.toString());
        assertFalse(written.binaries().get(3).upx().packed());
        assertTrue(log.has("INFO", "linux/riscv64"), log.toString());

        assertEquals(2, upx.packCalls().size(), "no UPX run for the unsupported targets: " + upx.calls());
        assertTrue(log.has("INFO", "Using UPX 4.2.4"), log.toString());
        assertTrue(log.has("INFO", "(100.0%)  upx 4.2.4"), "the ratio per target: " + log);
        assertEquals(written, BuildManifest.read(out), "build.json on disk is what run returned");
    }

    @Test
    void packsIntoATemporaryFileBesideTheBinaryWithThePomsOptionsAndTestsIt() throws Exception {
        manifest("linux/amd64", "linux/arm/7", "windows/amd64");
        UpxOptions global = new UpxOptions(true, "best", true, false, null, List.of("--no-filter"));
        Map<String, UpxOptions> overrides = new LinkedHashMap<>();
        overrides.put("linux/arm", new UpxOptions(null, "9", false, null, null, null));
        overrides.put("linux/arm/7", new UpxOptions(null, null, null, true, null, null));
        overrides.put("windows/amd64", new UpxOptions(false, null, null, null, null, null));

        compress(request(global, overrides));

        List<List<String>> calls = upx.calls();
        assertEquals(List.of("--version"), calls.get(0));
        List<String> amd64 = calls.get(1);
        Path binary = out.resolve(fileName("linux/amd64"));
        Path temporary = Path.of(amd64.get(amd64.indexOf("-o") + 1));
        assertEquals(
                List.of(
                        "--no-env",
                        "--no-progress",
                        "--best",
                        "--lzma",
                        "--no-filter",
                        "-o",
                        temporary.toString(),
                        binary.toString()),
                amd64);
        assertEquals(binary.getParent(), temporary.getParent().getParent(), "packed beside the binary");
        assertTrue(temporary.getParent().getFileName().toString().startsWith(".packing-"));
        assertFalse(Files.exists(temporary.getParent()), "the scratch directory is removed");
        assertEquals(List.of("--no-env", "-t", temporary.toString()), calls.get(2), "the new file is tested");

        List<String> arm = calls.get(3);
        assertEquals(
                List.of("--no-env", "--no-progress", "-9", "--brute", "--no-filter", "-o"),
                arm.subList(0, 6),
                "os/arch then os/arch/variant overrides, unset fields inherited");
        assertEquals(
                5, calls.size(), "version, then pack and test twice; windows/amd64 is off by its override: " + calls);
        assertTrue(log.has("INFO", "not packed: UPX is off for this target"), log.toString());
    }

    @Test
    void aFailedPackLeavesTheBinaryAsItWasAndFailsWithUpxsOwnMessage() throws Exception {
        manifest("linux/amd64", "linux/arm/7");
        byte[] before = Files.readAllBytes(out.resolve(fileName("linux/amd64")));
        upx.failPacking();

        UpxException failure = assertThrows(UpxException.class, () -> compress(request(ON, Map.of())));

        assertTrue(
                failure.getMessage().contains("CantPackException: upx-double was told to fail"), failure.getMessage());
        assertTrue(failure.getMessage().contains("exited with code 1"), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("linux/amd64")
                        && failure.getMessage().contains("linux/arm/7"),
                "every failing binary in one message: " + failure.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out.resolve(fileName("linux/amd64"))));
        assertFalse(Files.exists(out.resolve("unpacked")), "nothing is kept when nothing was packed");
        assertNoScratchLeft();
        assertTrue(BuildManifest.read(out).binaries().stream().allMatch(b -> b.upx() == null));
    }

    @Test
    void aPackedFileThatFailsUpxTestNeverReplacesTheBinary() throws Exception {
        manifest("linux/amd64");
        Path binary = out.resolve(fileName("linux/amd64"));
        byte[] before = Files.readAllBytes(binary);
        upx.failTesting();

        UpxException failure = assertThrows(UpxException.class, () -> compress(request(ON, Map.of())));

        assertTrue(failure.getMessage().contains("upx -t rejected"), failure.getMessage());
        assertTrue(failure.getMessage().contains("CantUnpackException"), failure.getMessage());
        assertArrayEquals(before, Files.readAllBytes(binary));
        assertFalse(Files.exists(out.resolve("unpacked")));
        assertNoScratchLeft();
    }

    @Test
    void upxThatSucceedsWithoutWritingAFileIsAFailure() throws Exception {
        manifest("linux/amd64");
        upx.writeNothing();

        UpxException failure = assertThrows(UpxException.class, () -> compress(request(ON, Map.of())));

        assertTrue(failure.getMessage().contains("wrote no packed file"), failure.getMessage());
        assertNoScratchLeft();
    }

    @Test
    void continueOnErrorWarnsWithUpxsMessageAndRecordsTheBinaryAsNotPacked() throws Exception {
        manifest("linux/amd64");
        byte[] before = Files.readAllBytes(out.resolve(fileName("linux/amd64")));
        upx.failPacking();

        BuildManifest written = compress(request(ON, Map.of(), true, false)).orElseThrow();

        assertTrue(log.has("WARN", "CantPackException: upx-double was told to fail"), log.toString());
        assertTrue(log.has("WARN", "left unpacked (static-go.upx.continueOnError)"), log.toString());
        UpxPacking record = written.binaries().get(0).upx();
        assertFalse(record.packed());
        assertTrue(record.reason().startsWith("UPX failed: "), record.reason());
        assertArrayEquals(before, Files.readAllBytes(out.resolve(fileName("linux/amd64"))));
    }

    @Test
    void upxAskedForButNotInstalledFailsWithHowToInstallIt() throws Exception {
        manifest("linux/amd64");
        CompressRequest request = request(
                ON,
                Map.of(),
                false,
                false,
                null,
                Map.of("PATH", work.resolve("empty").toString()));

        UpxMissingException failure = assertThrows(UpxMissingException.class, () -> compress(request));

        assertTrue(failure.getMessage().contains("no upx on PATH"), failure.getMessage());
        assertTrue(failure.getMessage().contains("apt-get install upx-ucl"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dstatic-go.upx.skipIfMissing=true"), failure.getMessage());
    }

    @Test
    void skipIfMissingWarnsAndBuildsUnpacked() throws Exception {
        manifest("linux/amd64");
        byte[] before = Files.readAllBytes(out.resolve(fileName("linux/amd64")));
        CompressRequest request = request(
                ON,
                Map.of(),
                false,
                true,
                null,
                Map.of("PATH", work.resolve("empty").toString()));

        BuildManifest written = compress(request).orElseThrow();

        assertTrue(log.has("WARN", "no upx on PATH"), log.toString());
        assertTrue(log.has("WARN", "1 binary is left unpacked (static-go.upx.skipIfMissing)"), log.toString());
        assertEquals(
                UpxPacking.notPacked("UPX is not installed"),
                written.binaries().get(0).upx());
        assertArrayEquals(before, Files.readAllBytes(out.resolve(fileName("linux/amd64"))));
    }

    @Test
    void upxIsFoundOnPathWhenNoExecutableIsConfigured() throws Exception {
        manifest("linux/amd64");
        CompressRequest request = request(
                ON,
                Map.of(),
                false,
                false,
                null,
                Map.of("PATH", upx.directory + java.io.File.pathSeparator + System.getenv("PATH")));

        assertTrue(compress(request).orElseThrow().binaries().get(0).upx().packed());
        assertTrue(log.has("INFO", "Using UPX 4.2.4 (" + upx.executable + ")"), log.toString());
    }

    @Test
    void offUnlessAskedForAndThenUpxIsNotEvenLookedFor() throws Exception {
        manifest("linux/amd64");
        CompressRequest request =
                request(UpxOptions.none(), Map.of(), false, false, work.resolve("no/such/upx"), System.getenv());

        BuildManifest written = compress(request).orElseThrow();

        assertNull(written.binaries().get(0).upx());
        assertTrue(log.has("INFO", "not packed: UPX is off for this target"), log.toString());
    }

    @Test
    void theUpxPropertyTurnsItOnOrOffForEveryTarget() throws Exception {
        manifest("linux/amd64", "linux/arm/7");
        Map<String, UpxOptions> overrides = Map.of("linux/arm", new UpxOptions(false, null, null, null, null, null));
        BuiltBinary amd64 = BuildManifest.read(out).binaries().get(0);
        BuiltBinary arm = BuildManifest.read(out).binaries().get(1);

        CompressRequest on = withEnableAll(request(UpxOptions.none(), overrides), true);
        assertTrue(StaticGoCompress.optionsFor(amd64, on).isEnabled());
        assertTrue(StaticGoCompress.optionsFor(arm, on).isEnabled(), "static-go.upx=true wins over a target's off");
        CompressRequest off = withEnableAll(request(ON, Map.of("linux/amd64", ON)), false);
        assertFalse(StaticGoCompress.optionsFor(amd64, off).isEnabled());

        compress(on);
        assertEquals(2, upx.packCalls().size());
    }

    @Test
    void aBinaryPackedByAnEarlierRunIsNotPackedAgain() throws Exception {
        manifest("linux/amd64");
        compress(request(ON, Map.of()));
        byte[] packed = Files.readAllBytes(out.resolve(fileName("linux/amd64")));

        BuildManifest second = compress(request(ON, Map.of())).orElseThrow();

        assertEquals(1, upx.packCalls().size(), upx.calls().toString());
        assertTrue(log.has("INFO", "already packed by UPX; left as it is"), log.toString());
        assertTrue(second.binaries().get(0).upx().packed(), "the first run's record stays");
        assertArrayEquals(packed, Files.readAllBytes(out.resolve(fileName("linux/amd64"))));
    }

    @Test
    void forceTriesAnUnsupportedTargetAndPassesForceMacosForDarwin() throws Exception {
        manifest("darwin/arm64");
        compress(request(ON, Map.of("darwin/arm64", new UpxOptions(null, null, null, null, true, null))));

        List<String> call = upx.packCalls().get(0);
        assertEquals(List.of("--no-env", "--no-progress", "--force-macos", "-o"), call.subList(0, 4));
    }

    @Test
    void packedAndKeptFilesGetTheOutputTimestamp() throws Exception {
        manifest("linux/amd64");
        Instant timestamp = Instant.parse("2026-01-02T03:04:05Z");
        CompressRequest request = new CompressRequest(
                out,
                out.resolve("unpacked"),
                ON,
                PlatformOverrides.none(),
                null,
                upx.executable,
                false,
                false,
                Duration.ofMinutes(1),
                timestamp,
                System.getenv());

        compress(request);

        assertEquals(
                timestamp,
                Files.getLastModifiedTime(out.resolve(fileName("linux/amd64"))).toInstant());
        assertEquals(
                timestamp,
                Files.getLastModifiedTime(out.resolve("unpacked").resolve(fileName("linux/amd64")))
                        .toInstant());
        assertTrue(Files.isExecutable(out.resolve(fileName("linux/amd64"))));
    }

    @Test
    void mistakesInTheOptionsAreReportedAgainstTheirElementBeforeAnythingRuns() throws Exception {
        manifest("linux/amd64");
        ConfigurationException level = assertThrows(
                ConfigurationException.class,
                () -> compress(request(new UpxOptions(true, "10", null, null, null, null), Map.of())));
        assertEquals("<upx><level>: '10' is not a UPX level: write 1 to 9, or best.", level.getMessage());
        ConfigurationException output = assertThrows(
                ConfigurationException.class,
                () -> compress(request(new UpxOptions(true, null, null, null, null, List.of("-ofoo")), Map.of())));
        assertTrue(
                output.getMessage().startsWith("<upx><args>: '-ofoo' is set by the compress goal itself"),
                output.getMessage());
        ConfigurationException platform =
                assertThrows(ConfigurationException.class, () -> compress(request(ON, Map.of("linux", ON))));
        assertTrue(
                platform.getMessage().startsWith("<upx><targets><target><platform>: 'linux' is not a platform"),
                platform.getMessage());
        ConfigurationException lzma = assertThrows(
                ConfigurationException.class,
                () -> compress(request(new UpxOptions(true, null, null, null, null, List.of("--lzma")), Map.of())));
        assertTrue(lzma.getMessage().contains("has its own element"), lzma.getMessage());
        assertTrue(upx.calls().isEmpty());
    }

    @Test
    void noBuildJsonIsAWarningNotAFailure() throws Exception {
        assertTrue(compress(request(ON, Map.of())).isEmpty());
        assertTrue(log.has("WARN", "Nothing to compress"), log.toString());
    }

    @Test
    void theVersionIsTheFirstLineOfUpxVersionAndAnythingElseIsRefused() throws Exception {
        assertEquals(
                "4.2.4",
                UpxExecutable.locate(upx.executable, System.getenv(), new ProcessRunner())
                        .version());
        Path notUpx = work.resolve("not-upx");
        Files.writeString(notUpx, "#!/bin/sh\necho 'gzip 1.12'\n");
        assertTrue(notUpx.toFile().setExecutable(true));
        UpxException failure = assertThrows(
                UpxException.class, () -> UpxExecutable.locate(notUpx, System.getenv(), new ProcessRunner()));
        assertTrue(failure.getMessage().contains("expected a first line such as 'upx 4.2.4'"), failure.getMessage());
        UpxMissingException missing = assertThrows(
                UpxMissingException.class,
                () -> UpxExecutable.locate(work.resolve("absent"), System.getenv(), new ProcessRunner()));
        assertTrue(missing.getMessage().startsWith("<upxExecutable> "), missing.getMessage());
    }

    @Test
    void upxGetsNoUpxVariableFromTheCaller() throws Exception {
        Map<String, String> caller = new HashMap<>(System.getenv());
        caller.put("UPX", "--ultra-brute");
        UpxExecutable located = UpxExecutable.locate(upx.executable, caller, new ProcessRunner());
        assertFalse(located.environment().containsKey("UPX"));
        assertEquals(System.getenv("PATH"), located.environment().get("PATH"));
    }

    private java.util.Optional<BuildManifest> compress(CompressRequest request) throws Exception {
        return new StaticGoCompress(new ProcessRunner(), log).run(request);
    }

    private CompressRequest request(UpxOptions options, Map<String, UpxOptions> overrides)
            throws ConfigurationException {
        return request(options, overrides, false, false);
    }

    private CompressRequest request(
            UpxOptions options, Map<String, UpxOptions> overrides, boolean continueOnError, boolean skipIfMissing)
            throws ConfigurationException {
        return request(options, overrides, continueOnError, skipIfMissing, upx.executable, System.getenv());
    }

    private CompressRequest request(
            UpxOptions options,
            Map<String, UpxOptions> overrides,
            boolean continueOnError,
            boolean skipIfMissing,
            Path executable,
            Map<String, String> environment)
            throws ConfigurationException {
        // The overrides as the pom writes them, in the map's order, checked as the Mojo checks them.
        PlatformOverrides<UpxOptions> checked = PlatformOverrides.of(
                overrides.entrySet().stream()
                        .map(e -> new PlatformOverrides.Written<>(e.getKey(), e.getValue()))
                        .toList(),
                "upx><targets");
        return new CompressRequest(
                out,
                out.resolve("unpacked"),
                options,
                checked,
                null,
                executable,
                skipIfMissing,
                continueOnError,
                Duration.ofMinutes(1),
                null,
                environment);
    }

    private static CompressRequest withEnableAll(CompressRequest r, boolean enableAll) {
        return new CompressRequest(
                r.outputDirectory(),
                r.unpackedDirectory(),
                r.options(),
                r.overrides(),
                enableAll,
                r.upxExecutable(),
                r.skipIfMissing(),
                r.continueOnError(),
                r.timeout(),
                r.outputTimestamp(),
                r.environment());
    }

    /** Copies the fixtures for these targets into the output directory and writes build.json as build would. */
    private void manifest(String... targets) throws IOException {
        Files.createDirectories(out);
        List<BuiltBinary> binaries = new ArrayList<>();
        for (String target : targets) {
            String[] parts = target.split("/");
            Path file = out.resolve(fileName(target));
            Files.copy(BUILT.get(target), file);
            binaries.add(new BuiltBinary(
                    file.getFileName().toString(),
                    ".",
                    parts[0],
                    parts[1],
                    parts.length == 3 ? parts[2] : null,
                    null,
                    "off",
                    true,
                    target.replace('/', '-'),
                    Files.size(file),
                    FileDigest.sha256(file),
                    "default",
                    null));
        }
        new BuildManifest("go1.26", binaries).write(out);
    }

    private void assertNoScratchLeft() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<String> left = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
            assertEquals(List.of(), left);
        }
    }

    private static String fileName(String target) {
        return "app-" + target.replace('/', '-') + (target.startsWith("windows") ? ".exe" : "");
    }
}
