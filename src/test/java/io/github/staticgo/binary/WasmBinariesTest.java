package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebAssembly modules: Go's js/wasm and wasip1/wasm builds made at test time, and hand-made
 * modules ({@link WasmImage}) for what Go does not write.
 *
 * <p>{@code go version -m} does not read wasm files (go1.26: "unrecognized file format"), and
 * Go's wasm modules carry no build info blob: cmd/link's wasm writer ({@code writeDataSec})
 * copies only the runtime's data sections into the data section, not {@code .go.buildinfo}. So
 * the real builds are checked against what the build asked for, against {@code go tool buildid},
 * which does read them, and against a search of their bytes for the blob's magic.
 */
class WasmBinariesTest {

    private static final Map<String, String> GOOS_BY_NAME = Map.of("js-wasm", "js", "wasip1-wasm", "wasip1");
    private static final byte[] BUILD_INFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    static Path dir;

    private static Path module;

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    @BeforeAll
    static void buildFixtures() throws Exception {
        module = Tools.goModule(dir.resolve("src"));
        for (Map.Entry<String, String> target : GOOS_BY_NAME.entrySet()) {
            Tools.run(
                    module,
                    Map.of("GOOS", target.getValue(), "GOARCH", "wasm", "CGO_ENABLED", "0"),
                    "go",
                    "build",
                    "-o",
                    dir.resolve(target.getKey()).toString(),
                    ".");
        }
    }

    private Path write(byte[] content) throws Exception {
        return Files.write(Files.createTempFile(dir, "crafted", ".wasm"), content);
    }

    private BinaryReport analyze(byte[] content) throws Exception {
        return analyzer.analyze(write(content));
    }

    private void malformed(byte[] content) throws Exception {
        Path file = write(content);
        assertThrows(MalformedBinaryException.class, () -> analyzer.analyze(file));
    }

    @Test
    void goWasmBuildsReadBackTheirTarget() throws Exception {
        for (Map.Entry<String, String> target : GOOS_BY_NAME.entrySet()) {
            Path file = dir.resolve(target.getKey());
            BinaryReport report = analyzer.analyze(file);
            byte[] content = Files.readAllBytes(file);
            assertAll(
                    target.getKey(),
                    () -> assertEquals(Format.WASM, report.format()),
                    () -> assertEquals("wasm", report.format().jsonName()),
                    () -> assertEquals(target.getValue(), report.goos()),
                    () -> assertEquals("wasm", report.goarch()),
                    () -> assertEquals(List.of("wasm"), report.architectures()),
                    () -> assertEquals("WebAssembly", report.machine()),
                    () -> assertEquals(32, report.bits()),
                    () -> assertEquals("little", report.endianness()),
                    () -> assertEquals(Files.size(file), report.size()),
                    () -> assertNull(report.linkage()),
                    () -> assertNull(report.interpreter()),
                    () -> assertEquals(List.of(), report.needed()),
                    () -> assertFalse(report.stripped()),
                    () -> assertEquals(
                            Tools.run(module, "go", "tool", "buildid", file.toString())
                                    .trim(),
                            report.goBuildId()),
                    () -> assertEquals(-1, Markers.indexOf(content, BUILD_INFO_MAGIC, 0), "no blob in the file"),
                    () -> assertNull(report.goBuildInfo()));
        }
    }

    @Test
    void buildInfoInDataSegmentsIsRead() throws Exception {
        BinaryReport report = analyze(WasmImage.goJs("go1.26.8", FuzzSeeds.MODINFO, "action/content"));
        assertEquals(Format.WASM, report.format());
        assertEquals("js", report.goos());
        assertEquals("action/content", report.goBuildId());
        assertEquals("go1.26.8", report.goVersion());
        assertEquals("example.com/fixture", report.goBuildInfo().path());
        assertEquals("wasm", report.goarch());
    }

    @Test
    void importsOfOtherModulesSayNoGoos() throws Exception {
        BinaryReport report = analyze(new WasmImage()
                .functionType()
                .imports("env", "wasi_snapshot_preview2")
                .toArray());
        assertEquals(Format.WASM, report.format());
        assertNull(report.goos());
        assertNull(report.goBuildInfo());
        assertNull(report.goBuildId());
        assertEquals(
                "wasip1",
                analyze(new WasmImage()
                                .functionType()
                                .imports("env", "wasi_snapshot_preview1")
                                .toArray())
                        .goos());
    }

    @Test
    void headersThatBreakTheSpecificationAreMalformed() throws Exception {
        byte[] valid = new WasmImage().functionType().imports("gojs").toArray();
        byte[] version2 = valid.clone();
        version2[4] = 2;
        malformed(version2);
        malformed(Arrays.copyOf(valid, 6)); // magic without the whole version
        malformed(Arrays.copyOf(valid, valid.length - 1)); // the import section ends early
        // A section size of six LEB128 bytes is longer than any u32 may be written.
        malformed(WasmImage.concat(
                Arrays.copyOf(valid, 8),
                new byte[] {1, (byte) 0x84, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0, 0x01, 0x60, 0, 0}));
        malformed(new WasmImage()
                .section(
                        WasmImage.IMPORT,
                        WasmImage.concat(
                                WasmImage.leb(1), WasmImage.name("gojs"), WasmImage.name("f"), new byte[] {9, 0}))
                .toArray()); // import kind 9
        malformed(
                new WasmImage().section(WasmImage.DATA, WasmImage.leb(100_001)).toArray());
        malformed(new WasmImage()
                .section(
                        WasmImage.DATA,
                        WasmImage.concat(WasmImage.leb(1), new byte[] {0, 0x41, 0, 0x0b}, WasmImage.leb(1L << 31)))
                .toArray()); // segment past the end
        malformed(new WasmImage()
                .section(WasmImage.DATA, WasmImage.concat(WasmImage.leb(1), new byte[] {0, 0x20, 0, 0x0b, 0}))
                .toArray()); // local.get is no constant
    }

    @Test
    void everyCutAndRandomMutationIsAReportOrMalformed() throws Exception {
        Path file = dir.resolve("js-wasm");
        byte[] content = Files.readAllBytes(file);
        Path mutant = dir.resolve("mutant.wasm");
        try (FileChannel channel = FileChannel.open(
                mutant, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content), 0);
            for (int i = 0; i <= 4096 + 128; i++) {
                long cut = i <= 4096 ? i : content.length * (long) (i - 4096) / 128;
                Object outcome = outcome(channel, cut);
                if (cut < 4) {
                    assertTrue(outcome instanceof BinaryReport r && r.format() == Format.UNKNOWN, cut + ": " + outcome);
                }
            }
            byte[] head = Arrays.copyOf(content, 4096);
            for (int seed = 0; seed < 500; seed++) {
                Random random = new Random(seed);
                byte[] mutated = head.clone();
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                channel.write(ByteBuffer.wrap(mutated), 0);
                outcome(channel, content.length);
            }
        }
    }

    /** The analysis of the first {@code length} bytes: a report or the malformed error, in under 2 s. */
    private static Object outcome(FileChannel channel, long length) {
        long start = System.nanoTime();
        Object outcome;
        try {
            outcome = BinaryAnalyzer.analyze(new FileView(channel, 0, length));
        } catch (MalformedBinaryException e) {
            outcome = e;
        } catch (Throwable t) {
            throw new AssertionError("cut at " + length + ": " + t, t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, length + " bytes took " + millis + " ms");
        return outcome;
    }
}
