package io.github.staticgo.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A universal macOS binary made here as lipo would (no lipo on Linux): the fat header of Apple's
 * {@code <mach-o/fat.h>} over two real Go binaries. The report and the table name both slices.
 */
class FatMachOReportTest {
    private static final int FAT_MAGIC = 0xcafebabe;
    /** CPU_TYPE_X86_64 and CPU_TYPE_ARM64 of {@code <mach/machine.h>}, with their ALL subtypes. */
    private static final int[][] CPU = {{0x01000007, 3}, {0x0100000c, 0}};

    private static final int ALIGN_LOG2 = 14;

    @TempDir
    Path dir;

    private Path goBinary(Path module, String goarch) {
        Path out = dir.resolve("darwin-" + goarch);
        Tools.run(
                module,
                Map.of("GOOS", "darwin", "GOARCH", goarch, "CGO_ENABLED", "0"),
                "go",
                "build",
                "-o",
                out.toString(),
                ".");
        return out;
    }

    private Path universal(List<Path> slices) throws Exception {
        int align = 1 << ALIGN_LOG2;
        ByteBuffer header = ByteBuffer.allocate(8 + 20 * slices.size()); // big endian, as fat.h says
        header.putInt(FAT_MAGIC).putInt(slices.size());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long offset = align;
        for (int i = 0; i < slices.size(); i++) {
            byte[] slice = Files.readAllBytes(slices.get(i));
            header.putInt(CPU[i][0])
                    .putInt(CPU[i][1])
                    .putInt((int) offset)
                    .putInt(slice.length)
                    .putInt(ALIGN_LOG2);
            body.write(new byte[(int) (offset - align - body.size())]);
            body.write(slice);
            offset = align + (long) body.size();
            offset = (offset + align - 1) / align * align;
        }
        byte[] file = new byte[align + body.size()];
        System.arraycopy(header.array(), 0, file, 0, header.position());
        System.arraycopy(body.toByteArray(), 0, file, align, body.size());
        Path fat = dir.resolve("universal");
        Files.write(fat, file);
        return fat;
    }

    @Test
    void everySliceIsInTheReportAndTheTable() throws Exception {
        Path module = Tools.goModule(dir.resolve("module"));
        Path fat = universal(List.of(goBinary(module, "amd64"), goBinary(module, "arm64")));

        VerifiedBinary verified = new BinaryVerifier(false)
                .verify(List.of(new ExpectedBinary(fat, "darwin", "arm64", null, null)), VerifyPolicy.DEFAULTS)
                .get(0);
        assertEquals(List.of(), verified.findings(), "a universal binary holds the arm64 slice asked for");

        VerifyReport report = new VerifyReport(List.of(verified));
        VerifyReport.Entry entry = report.entries().get(0);
        assertEquals("macho", entry.format());
        assertEquals(List.of("amd64", "arm64"), entry.architectures());
        assertNull(entry.goarch(), "the slices differ");
        String row = report.summaryTable().get(1);
        assertTrue(row.contains("amd64+arm64"), row);
    }
}
