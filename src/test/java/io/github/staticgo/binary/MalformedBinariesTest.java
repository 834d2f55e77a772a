package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.staticgo.Tools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real binaries, truncated at every cut point of their headers and mutated at random: each
 * analysis must end, quickly, in a report or a {@link MalformedBinaryException} and nothing else
 * (no IndexOutOfBounds, BufferUnderflow, NegativeArraySize, OutOfMemory, arithmetic overflow).
 */
class MalformedBinariesTest {

    /** No single analysis may take longer than this, whatever the input. */
    private static final long MAX_NANOS_PER_FILE = 2_000_000_000L;

    private static final int HEADER_REGION = 4096;

    @TempDir
    static Path dir;

    private static final Map<String, Path> binaries = new LinkedHashMap<>();

    @BeforeAll
    static void buildFixtures() throws Exception {
        Path module = Tools.goModule(dir.resolve("src"));
        // s390x: a big-endian ELF, so every multi-byte field is read the other way round.
        String[][] targets = {
            {"linux", "amd64", "go-elf"},
            {"linux", "s390x", "go-elf-big-endian"},
            {"windows", "amd64", "go-pe"},
            {"darwin", "arm64", "go-macho"}
        };
        for (String[] t : targets) {
            Path out = dir.resolve(t[2]);
            Tools.run(
                    module,
                    Map.of("GOOS", t[0], "GOARCH", t[1], "CGO_ENABLED", "0"),
                    "go",
                    "build",
                    "-o",
                    out.toString(),
                    ".");
            binaries.put(t[2], out);
        }
        Files.writeString(dir.resolve("hello.c"), Tools.C_HELLO);
        Tools.run(dir, "gcc", "-o", "gcc-dynamic", "hello.c");
        binaries.put("gcc-dynamic", dir.resolve("gcc-dynamic"));
    }

    /** Analyses the first {@code length} bytes of {@code file}, exactly as if the file had been cut there. */
    private static Object analyzePrefix(FileChannel channel, long length, String what) {
        long start = System.nanoTime();
        Object outcome;
        try {
            outcome = BinaryAnalyzer.analyze(new FileView(channel, 0, length));
        } catch (MalformedBinaryException e) {
            outcome = e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t, t);
        }
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < MAX_NANOS_PER_FILE, what + " took " + elapsed / 1_000_000 + " ms");
        return outcome;
    }

    @Test
    void everyCutInTheFirst4KiBIsUnknownOrMalformed() throws Exception {
        for (Map.Entry<String, Path> binary : binaries.entrySet()) {
            try (FileChannel channel = FileChannel.open(binary.getValue(), StandardOpenOption.READ)) {
                boolean mz = binary.getKey().equals("go-pe");
                for (int cut = 0; cut <= HEADER_REGION; cut++) {
                    Object outcome = analyzePrefix(channel, cut, binary.getKey() + " cut at " + cut);
                    if (cut < (mz ? 2 : 4)) {
                        assertTrue(
                                outcome instanceof BinaryReport r && r.format() == Format.UNKNOWN,
                                binary.getKey() + " cut at " + cut + ": " + outcome);
                    } else {
                        // Every real binary's segments run far past 4 KiB: a cut there is always detected.
                        assertTrue(
                                outcome instanceof MalformedBinaryException,
                                binary.getKey() + " cut at " + cut + " gave " + outcome);
                    }
                }
            }
        }
    }

    @Test
    void cutsAcrossTheWholeBinaryEndInAReportOrMalformed() throws Exception {
        for (Map.Entry<String, Path> binary : binaries.entrySet()) {
            try (FileChannel channel = FileChannel.open(binary.getValue(), StandardOpenOption.READ)) {
                long size = channel.size();
                int cuts = binary.getKey().startsWith("go-elf") ? 512 : 128;
                int reports = 0;
                for (int i = 0; i <= cuts; i++) {
                    long cut = size * i / cuts;
                    if (analyzePrefix(channel, cut, binary.getKey() + " cut at " + cut) instanceof BinaryReport) {
                        reports++;
                    }
                }
                assertTrue(reports >= 1, "the uncut file gives a report");
            }
            // And the whole file through the public API.
            Format expected = switch (binary.getKey()) {
                case "go-pe" -> Format.PE;
                case "go-macho" -> Format.MACHO;
                default -> Format.ELF;
            };
            BinaryReport whole = new BinaryAnalyzer().analyze(binary.getValue());
            assertEquals(expected, whole.format());
            if (binary.getKey().equals("go-elf-big-endian")) {
                assertEquals("big", whole.endianness());
                assertEquals("s390x", whole.goarch());
            }
        }
    }

    @Test
    void seededRandomMutationsOfTheHeadersEndInAReportOrMalformed() throws Exception {
        int perBinary = 3000;
        List<String> outcomes = new ArrayList<>();
        for (String name : List.of("go-elf", "go-elf-big-endian", "go-pe", "go-macho")) {
            Path copy = dir.resolve(name + ".mutant");
            Files.copy(binaries.get(name), copy);
            byte[] original = new byte[HEADER_REGION];
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                channel.read(ByteBuffer.wrap(original), 0);
                int reports = 0;
                for (int i = 0; i < perBinary; i++) {
                    long seed = name.hashCode() * 1_000_003L + i;
                    Random random = new Random(seed);
                    byte[] mutant = original.clone();
                    int flips = 1 + random.nextInt(8);
                    // Mostly the ELF/PE/Mach-O headers and tables near the start, sometimes anywhere in 4 KiB.
                    int region = random.nextInt(4) == 0 ? HEADER_REGION : 512;
                    for (int f = 0; f < flips; f++) {
                        int at = random.nextInt(region);
                        mutant[at] = switch (random.nextInt(4)) {
                            case 0 -> (byte) 0xff;
                            case 1 -> 0;
                            case 2 -> (byte) (mutant[at] ^ (1 << random.nextInt(8)));
                            default -> (byte) random.nextInt(256);
                        };
                    }
                    channel.write(ByteBuffer.wrap(mutant), 0);
                    Object outcome = analyzePrefix(channel, channel.size(), name + " mutation seed " + seed);
                    if (outcome instanceof BinaryReport) {
                        reports++;
                    }
                }
                channel.write(ByteBuffer.wrap(original), 0);
                outcomes.add(name + ": " + reports + " reports of " + perBinary);
                // Both outcomes occur, so the mutations really reach the parsing paths.
                assertTrue(reports > 0 && reports < perBinary, name + ": " + reports + " reports of " + perBinary);
            }
        }
        System.out.println("mutations: " + outcomes);
    }

    @Test
    void aDirectoryIsAnIoErrorNotAMalformedBinary() {
        try {
            new BinaryAnalyzer().analyze(dir);
            fail("a directory cannot be analysed");
        } catch (IOException expected) {
            // FileChannel refuses or fails to read a directory
        } catch (MalformedBinaryException e) {
            fail("a directory is not a malformed binary: " + e);
        }
    }
}
