package io.github.staticgo.toolchain.provision;

import io.github.staticgo.FileDigest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A module zip as the Go module proxy protocol serves it: its h1 hash and its safe unpacking.
 *
 * <p>A zip can be read two ways: front to back, entry by entry as its local headers announce them
 * (ZipInputStream, which can hash a zip while it downloads), or through the central directory at its
 * end (ZipFile, which go's archive/zip does too). For a zip as Go writes them both give the same files.
 * A zip can be made to give different files each way, so the files that are unpacked are always read the
 * way the hash that was checked was computed: {@link Reading#STREAMED} or {@link Reading#CENTRAL}.
 */
final class ModuleZip {
    private ModuleZip() {}

    /** How a zip was hashed, and so how it is unpacked. */
    enum Reading {
        /** Front to back by local headers, as it downloaded. */
        STREAMED,
        /** Through the central directory, as go reads it. */
        CENTRAL
    }

    /** A zip's h1: hash and the reading it was computed from. */
    record Hashed(String hash, Reading reading) {}

    /**
     * Go's dirhash "h1:" of a zip (golang.org/x/mod/sumdb/dirhash Hash1 over HashZip), read through its
     * central directory as go reads it: for every file, in byte order of names, a line
     * "&lt;hex SHA-256 of the content&gt;  &lt;name&gt;\n"; the hash is base64 of the SHA-256 of those lines.
     */
    static String hash(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    lines.add(line(entry.getName(), in));
                }
            }
            return h1(lines);
        }
    }

    private static String line(String name, InputStream content) throws IOException {
        if (name.contains("\n")) {
            throw new IOException("a file name in the zip holds a newline, which no module zip may");
        }
        MessageDigest digest = FileDigest.newSha256();
        byte[] buffer = new byte[1 << 16];
        for (int read; (read = content.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, read);
        }
        return name + "\0" + HexFormat.of().formatHex(digest.digest());
    }

    /** The h1: of "name\0hex" pairs, sorted by the names' UTF-8 bytes as Go sorts strings. */
    private static String h1(List<String> nameAndHex) {
        MessageDigest summary = FileDigest.newSha256();
        nameAndHex.stream()
                .map(pair -> pair.split("\0", 2))
                .sorted(Comparator.comparing(pair -> pair[0].getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                .forEach(pair -> summary.update((pair[1] + "  " + pair[0] + "\n").getBytes(StandardCharsets.UTF_8)));
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /**
     * Hashes a zip while it downloads: reads the body as {@link HttpTransfer} hands it over, entry by
     * entry, and keeps each file's SHA-256. What it cannot read (a zip that does not start with an entry,
     * an entry stored with a data descriptor, a broken or truncated body) only leaves it without a hash:
     * the download goes on, and the zip is then hashed through its central directory.
     */
    static final class StreamedHash implements HttpTransfer.BodyReader {
        private final List<String> lines = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private boolean failed;

        @Override
        public void read(InputStream body) {
            try {
                // Not closed: closing would close the body, whose rest the transfer still writes to the file.
                ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    lines.add(line(entry.getName(), zip));
                    names.add(entry.getName());
                }
            } catch (IOException | RuntimeException unreadable) {
                failed = true;
            }
        }

        /**
         * The zip's hash, from what streamed when that is the zip's whole content: the same names, in the
         * same order, as its central directory lists; otherwise hashed again through the central directory.
         */
        Hashed hashOf(Path zip) throws IOException {
            if (!failed && !names.isEmpty() && names.equals(centralNames(zip))) {
                return new Hashed(h1(lines), Reading.STREAMED);
            }
            return new Hashed(hash(zip), Reading.CENTRAL);
        }

        private static List<String> centralNames(Path zip) throws IOException {
            try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
                return file.stream().map(ZipEntry::getName).toList();
            }
        }
    }

    /**
     * Unpacks the files below {@code prefix} (the module's "path@version/") into {@code directory}, read
     * as {@code reading} says. Names outside the prefix, with ".." or absolute, or twice in the zip are
     * refused, as go refuses them. Toolchain zips need what go does after unpacking one
     * (cmd/go/internal/toolchain): module zips carry no file modes, so files under bin/ and pkg/tool/ and
     * lib's go_*_*_exec are created executable; and a module zip may hold no go.mod below its root, so
     * each _go.mod is written to go.mod beside it too.
     */
    static void unpack(Path zip, Reading reading, String prefix, Path directory) throws IOException {
        Unpacker unpacker = new Unpacker(prefix, directory);
        if (reading == Reading.STREAMED) {
            try (ZipInputStream in = new ZipInputStream(
                    new BufferedInputStream(Files.newInputStream(zip), 1 << 16), StandardCharsets.UTF_8)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    unpacker.write(entry, in);
                }
            }
        } else {
            try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
                for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    try (InputStream in = file.getInputStream(entry)) {
                        unpacker.write(entry, in);
                    }
                }
            }
        }
    }

    /** Writes entries one by one: each file created once, with its mode, in as few writes as it takes. */
    private static final class Unpacker {
        private final String prefix;
        private final Path directory;
        private final Set<String> seen = new HashSet<>();
        private final Set<Path> created = new HashSet<>(); // ~12,000 files in ~1,500 directories: one mkdir each
        private final byte[] buffer = new byte[1 << 20];
        private final FileAttribute<?>[] plain;
        private final FileAttribute<?>[] executable;

        Unpacker(String prefix, Path directory) throws IOException {
            this.prefix = prefix;
            this.directory = directory;
            Files.createDirectories(directory);
            created.add(directory);
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                plain = new FileAttribute<?>[] {mode("rw-r--r--")};
                executable = new FileAttribute<?>[] {mode("rwxr-xr-x")};
            } else { // Windows: executability comes from the name
                plain = new FileAttribute<?>[0];
                executable = plain;
            }
        }

        private static FileAttribute<Set<PosixFilePermission>> mode(String permissions) {
            // The umask still applies, as it does to the files go unpacks.
            return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
        }

        void write(ZipEntry entry, InputStream content) throws IOException {
            String name = entry.getName();
            String relative = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
            if (relative == null
                    || relative.isEmpty()
                    || relative.startsWith("/")
                    || relative.contains("\\")
                    || Arrays.asList(relative.split("/")).contains("..")
                    || !seen.add(relative.toLowerCase(Locale.ROOT))) {
                throw new IOException("the zip holds '" + name + "', which is outside " + prefix
                        + ", climbs out of it or is there twice");
            }
            Path target = directory.resolve(relative).normalize();
            if (entry.isDirectory()) {
                createDirectories(target);
                return;
            }
            createDirectories(target.getParent());
            boolean goMod = target.getFileName().toString().equals("_go.mod");
            FileAttribute<?>[] attributes = executableInToolchain(relative) ? executable : plain;
            try (FileChannel out = FileChannel.open(
                    target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                if (goMod) {
                    byte[] bytes = content.readAllBytes();
                    writeFully(out, bytes, bytes.length);
                    Files.write(target.resolveSibling("go.mod"), bytes, StandardOpenOption.CREATE_NEW);
                    return;
                }
                for (int filled; (filled = fill(content)) > 0; ) {
                    writeFully(out, buffer, filled);
                    if (filled < buffer.length) {
                        break;
                    }
                }
            }
        }

        /** Reads into the buffer until it is full or the entry ends; how much it holds. */
        private int fill(InputStream content) throws IOException {
            int filled = 0;
            for (int read;
                    filled < buffer.length && (read = content.read(buffer, filled, buffer.length - filled)) >= 0; ) {
                filled += read;
            }
            return filled;
        }

        private static void writeFully(FileChannel out, byte[] bytes, int length) throws IOException {
            ByteBuffer data = ByteBuffer.wrap(bytes, 0, length);
            while (data.hasRemaining()) {
                out.write(data);
            }
        }

        private void createDirectories(Path target) throws IOException {
            if (target == null || created.contains(target)) {
                return;
            }
            createDirectories(target.getParent());
            try {
                Files.createDirectory(target);
            } catch (FileAlreadyExistsException alreadyThere) {
                if (!Files.isDirectory(target)) {
                    throw alreadyThere;
                }
            }
            created.add(target);
        }

        private static boolean executableInToolchain(String relative) {
            String fileName = relative.substring(relative.lastIndexOf('/') + 1);
            return relative.startsWith("bin/")
                    || relative.startsWith("pkg/tool/")
                    || (relative.startsWith("lib/") && fileName.matches("go_.+_.+_exec"));
        }
    }
}
