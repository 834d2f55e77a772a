package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.verify.BinaryVerifier;
import io.github.staticgo.verify.ExpectedBinary;
import io.github.staticgo.verify.VerifiedBinary;
import io.github.staticgo.verify.VerifyPolicy;
import io.github.staticgo.verify.VerifyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzz tests of the analyzer (Jazzer). Under plain {@code mvn test} each entry point
 * replays the committed inputs in {@code BinaryAnalyzerFuzzTestInputs/} (the shared seeds at its top,
 * and each entry point's own findings in the folder named after it) as regression tests; with
 * {@code JAZZER_FUZZ=1} one entry point fuzzes (see FUZZING.md).
 *
 * <p>A finding is anything but a report or the analyzer's checked {@link MalformedBinaryException}
 * (or an {@link IOException}): any other exception or error, an OutOfMemoryError under
 * {@code -Xmx128m}, or more than one second for one input.
 */
class BinaryAnalyzerFuzzTest {
    static final long MAX_NANOS = 1_000_000_000L;

    private static Path scratch;

    @BeforeAll
    static void scratchFile() throws IOException {
        scratch = Files.createTempFile("static-go-fuzz", ".bin");
    }

    @AfterAll
    static void removeScratchFile() throws IOException {
        Files.deleteIfExists(scratch);
    }

    /** Any bytes, as a file: the format is whatever the magic says. */
    @FuzzTest(maxDuration = "5m")
    void anyFile(byte[] data) throws IOException {
        analyze(data);
    }

    /** Bytes that always start with the ELF magic, so no mutation is spent on leaving the format. */
    @FuzzTest(maxDuration = "5m")
    void elf(byte[] data) throws IOException {
        analyze(withMagic(data, new byte[] {0x7f, 'E', 'L', 'F'}));
    }

    @FuzzTest(maxDuration = "5m")
    void pe(byte[] data) throws IOException {
        analyze(withMagic(data, new byte[] {'M', 'Z'}));
    }

    /** Thin (either byte order, 32 or 64 bit) or fat Mach-O; other magics become a 64-bit little-endian one. */
    @FuzzTest(maxDuration = "5m")
    void machO(byte[] data) throws IOException {
        if (data.length >= 4 && !isMachO(data)) {
            data = withMagic(data, new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe});
        }
        analyze(data);
    }

    /** The module information text of Go build info, parsed as Go's runtime/debug does. */
    @FuzzTest(maxDuration = "2m")
    void goModInfo(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        timed(data, () -> {
            try {
                assertNotNull(GoModInfoParser.parse("go1.26.8", text));
            } catch (MalformedBinaryException expected) {
                assertNotNull(expected.getMessage());
            }
        });
    }

    /**
     * The whole verify path on a real file: analysis, every rule for a linux/amd64 cgo-off target,
     * the summary table and the JSON report.
     */
    @FuzzTest(maxDuration = "5m")
    void verify(byte[] data) throws IOException {
        Files.write(scratch, data);
        timed(data, () -> {
            List<VerifiedBinary> verified = new BinaryVerifier(false)
                    .verify(
                            List.of(new ExpectedBinary(scratch, "linux", "amd64", "v1", CgoMode.OFF)),
                            VerifyPolicy.DEFAULTS.withAllowStaticPie(false).withRequireStripped(true));
            VerifyReport report = new VerifyReport(verified);
            report.summaryTable();
            report.entries();
            if (!report.ok()) {
                report.failureMessage();
            }
        });
    }

    /** The crafted seeds are meaningful: each one is a whole, readable binary, not already malformed. */
    @Test
    void everySeedIsAWellFormedBinary() throws Exception {
        for (Map.Entry<String, byte[]> seed : FuzzSeeds.all().entrySet()) {
            BinaryReport report = BinaryAnalyzer.analyze(
                    new FileView(new InMemoryFileChannel(seed.getValue()), 0, seed.getValue().length));
            assertNotNull(report.format(), seed.getKey());
            if (!seed.getKey().contains("dynamic")) {
                assertNotNull(report.goBuildInfo(), seed.getKey() + ": " + report);
                assertEquals("example.com/fixture", report.goBuildInfo().path(), seed.getKey());
            }
            byte[] committed = Files.readAllBytes(
                    Path.of("src/test/resources/io/github/staticgo/binary/" + "BinaryAnalyzerFuzzTestInputs")
                            .resolve(seed.getKey()));
            assertEquals(List.of(), diff(committed, seed.getValue()), seed.getKey() + " is committed as generated");
        }
    }

    private static List<Integer> diff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return List.of(-1);
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return List.of(i);
            }
        }
        return List.of();
    }

    static void analyze(byte[] data) throws IOException {
        timed(data, () -> {
            try {
                BinaryReport report =
                        BinaryAnalyzer.analyze(new FileView(new InMemoryFileChannel(data), 0, data.length));
                assertNotNull(report.format());
                report.toString(); // every accessor of every nested record
            } catch (MalformedBinaryException expected) {
                assertNotNull(expected.getMessage());
            }
        });
    }

    interface Analysis {
        void run() throws IOException;
    }

    /**
     * Runs the analysis and fails when it takes more than a second. A slow first run is repeated once
     * and only the repetition counts: the first call of a path in a fresh JVM also pays for loading
     * (and, when fuzzing, instrumenting) its classes, which says nothing about the input.
     */
    static void timed(byte[] data, Analysis analysis) throws IOException {
        long start = System.nanoTime();
        analysis.run();
        if (System.nanoTime() - start <= MAX_NANOS) {
            return;
        }
        start = System.nanoTime();
        analysis.run();
        long elapsed = System.nanoTime() - start;
        if (elapsed > MAX_NANOS) {
            throw new AssertionError("one input of " + data.length + " bytes took " + elapsed / 1_000_000 + " ms");
        }
    }

    private static boolean isMachO(byte[] data) {
        int magic = (data[0] & 0xff) << 24 | (data[1] & 0xff) << 16 | (data[2] & 0xff) << 8 | data[3] & 0xff;
        return MachOReader.isThin(magic) || MachOReader.isFat(magic);
    }

    private static byte[] withMagic(byte[] data, byte[] magic) {
        byte[] copy = data.length >= magic.length ? data.clone() : new byte[magic.length];
        if (data.length < magic.length) {
            System.arraycopy(data, 0, copy, 0, data.length);
        }
        System.arraycopy(magic, 0, copy, 0, magic.length);
        return copy;
    }
}
