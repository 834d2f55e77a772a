package io.github.staticgo.upx;

import io.github.staticgo.BuildLog;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.manifest.OutputLock;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Packs one binary without ever leaving it broken: UPX writes a new file ({@code -o}) in a scratch
 * directory beside the binary, {@code upx -t} tests that file, the unpacked original is copied to the
 * unpacked directory, and only then the packed file replaces the binary by an atomic rename. When
 * any step fails the binary is as go build left it and the error carries UPX's own output.
 */
final class UpxPacker {
    private final UpxExecutable upx;
    private final BuildLog log;
    private final Duration timeout;

    UpxPacker(UpxExecutable upx, BuildLog log, Duration timeout) {
        this.upx = upx;
        this.log = log;
        this.timeout = timeout;
    }

    /** What one packing did: the original's size and its kept copy, the packed size and the command. */
    record Packed(long sizeBefore, long sizeAfter, Path unpackedCopy, List<String> command) {}

    /**
     * @param options UPX's options for this binary (level, method, extra arguments)
     * @param unpackedCopy where the unpacked original is kept
     * @param timestamp the modification time both files get, or null to leave it
     */
    Packed pack(Path binary, List<String> options, Path unpackedCopy, Instant timestamp, String label)
            throws UpxException, IOException {
        Path scratch = Files.createTempDirectory(binary.toAbsolutePath().getParent(), OutputLock.PACKING_PREFIX);
        try {
            Path packed = scratch.resolve(binary.getFileName());
            List<String> command = new ArrayList<>();
            command.add(upx.path().toString());
            command.add("--no-env"); // the UPX variable holds default options; only the pom decides
            command.add("--no-progress");
            command.addAll(options);
            command.add("-o");
            command.add(packed.toString());
            command.add(binary.toString());
            ProcessResult result = run(command, label, binary);
            if (!result.succeeded()) {
                throw failure("upx failed to pack " + binary, result);
            }
            if (!Files.isRegularFile(packed) || Files.size(packed) == 0) {
                throw failure(
                        "upx exited with 0 but wrote no packed file for " + binary
                                + " (it may have refused the file as not compressible)",
                        result);
            }
            ProcessResult test =
                    run(List.of(upx.path().toString(), "--no-env", "-t", packed.toString()), label, binary);
            if (!test.succeeded()) {
                throw failure(
                        "upx -t rejected the packed " + binary.getFileName() + "; the unpacked binary is kept", test);
            }
            long sizeBefore = Files.size(binary);
            // Copied through a temporary name, so a reader never sees half of the original.
            SafeFiles.copy(binary, unpackedCopy, timestamp == null ? null : FileTime.from(timestamp));
            copyPermissions(binary, packed);
            if (timestamp != null) {
                Files.setLastModifiedTime(packed, FileTime.from(timestamp));
            }
            Files.move(packed, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Packed(sizeBefore, Files.size(binary), unpackedCopy, command);
        } finally {
            SafeFiles.deleteTree(scratch);
        }
    }

    private ProcessResult run(List<String> command, String label, Path binary) throws UpxException {
        ProcessSpec spec = new ProcessSpec(command, UpxExecutable.workingDirectory(binary), upx.environment(), timeout);
        log.debug(label + spec.describe(Map.of()));
        try {
            return upx.runner().run(spec, line -> log.debug(label + line.text()));
        } catch (ProcessFailedException e) {
            throw new UpxException("upx on " + binary + ": " + e.getMessage(), e);
        }
    }

    private static UpxException failure(String what, ProcessResult result) {
        return new UpxException(what + ": " + result.failureText());
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException notPosix) {
            to.toFile().setExecutable(true);
        }
    }
}
