package io.github.staticgo.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import io.github.staticgo.platform.CgoMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files verify cannot read are findings with a fix, reported with every other binary in one failure,
 * never an exception: missing, a directory in the binary's place, and unreadable.
 *
 * <p>Unreadable: {@code chmod 000} stops every user but root, and the tests run as root on CI, where
 * root reads the file anyway. So the unreadable case uses chmod 000 where it works, and otherwise a
 * file whose reads really fail: {@code /proc/self/mem}, a regular file whose read at offset 0 gives
 * EIO (the same IOException path a disk error or a permission error takes).
 */
class UnreadableBinariesTest {
    private static final VerifyPolicy DEFAULTS = VerifyPolicy.DEFAULTS;

    @TempDir
    Path dir;

    private static ExpectedBinary linuxAmd64(Path file) {
        return new ExpectedBinary(file, "linux", "amd64", null, CgoMode.OFF);
    }

    @Test
    void missingDirectoryAndUnreadableFilesAreFindingsInOneReport() throws Exception {
        Path good = dir.resolve("good");
        Tools.run(
                Tools.goModule(dir.resolve("module")),
                Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0"),
                "go",
                "build",
                "-o",
                good.toString(),
                ".");
        Path directory = Files.createDirectories(dir.resolve("sidecar-linux-amd64"));
        Path unreadable = unreadableFile();

        Path reportFile = dir.resolve("verify-report.json");
        VerifyReport report = StaticGoVerify.verify(
                List.of(
                        linuxAmd64(dir.resolve("absent")),
                        linuxAmd64(directory),
                        linuxAmd64(unreadable),
                        linuxAmd64(good)),
                DEFAULTS,
                false,
                reportFile);

        assertFalse(report.ok());
        List<VerifyReport.Entry> entries = report.entries();
        assertEquals(List.of("is missing"), entries.get(0).problems());
        assertEquals(List.of("is a directory, not a binary"), entries.get(1).problems());
        assertEquals(1, entries.get(2).problems().size());
        assertTrue(
                entries.get(2).problems().get(0).startsWith("cannot be read: "),
                entries.get(2).problems().toString());
        assertEquals(List.of(), entries.get(3).problems(), "the readable binary is still checked, and passes");

        String message = report.failureMessage();
        assertTrue(message.startsWith("3 binaries fail verification:"), message);
        assertTrue(message.contains("fix: run static-go:build first"), message);
        assertTrue(message.contains("fix: point the <file> of this binary at the executable itself"), message);
        assertTrue(message.contains("fix: check the file's permissions"), message);
        assertTrue(Files.readString(reportFile).contains("cannot be read: "));
        assertEquals(5, report.summaryTable().size(), "a header and one row per binary");
    }

    private Path unreadableFile() throws Exception {
        Path file = dir.resolve("locked");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F'});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(file)) {
            return file;
        }
        // Root: permissions do not apply; take a file whose reads fail for everyone.
        Path procMem = Path.of("/proc/self/mem");
        assertTrue(Files.isRegularFile(procMem), "/proc/self/mem is there on Linux");
        return procMem;
    }
}
