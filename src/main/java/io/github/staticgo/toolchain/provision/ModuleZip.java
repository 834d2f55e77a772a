package io.github.staticgo.toolchain.provision;

import io.github.staticgo.FileDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A module zip as the Go module proxy protocol serves it: its h1 hash and its safe unpacking. */
final class ModuleZip {
    private ModuleZip() {}

    /**
     * Go's dirhash "h1:" of a zip (golang.org/x/mod/sumdb/dirhash Hash1 over HashZip): for every file,
     * in byte order of names, a line "&lt;hex SHA-256 of the content&gt;  &lt;name&gt;\n"; the hash is
     * base64 of the SHA-256 of those lines.
     */
    static String hash(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            List<? extends ZipEntry> entries = file.stream()
                    .sorted(Comparator.comparing(
                            entry -> entry.getName().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                    .toList();
            MessageDigest summary = FileDigest.newSha256();
            for (ZipEntry entry : entries) {
                if (entry.getName().contains("\n")) {
                    throw new IOException("a file name in the zip holds a newline, which no module zip may");
                }
                MessageDigest content = FileDigest.newSha256();
                try (InputStream in = new DigestInputStream(file.getInputStream(entry), content)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                summary.update((HexFormat.of().formatHex(content.digest()) + "  " + entry.getName() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
        }
    }

    /**
     * Unpacks the files below {@code prefix} (the module's "path@version/") into {@code directory}. Names
     * outside the prefix, with ".." or absolute, or twice in the zip are refused, as go refuses them.
     * Toolchain zips need what go does after unpacking one (cmd/go/internal/toolchain): module zips carry
     * no file modes, so files under bin/ and pkg/tool/ and lib's go_*_*_exec become executable; and a
     * module zip may hold no go.mod below its root, so each _go.mod is copied to go.mod beside it.
     */
    static void unpack(Path zip, String prefix, Path directory) throws IOException {
        Set<String> seen = new HashSet<>();
        Set<Path> created = new HashSet<>(); // ~12,000 files in ~1,500 directories: one mkdir each
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                String relative = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
                if (relative == null
                        || relative.startsWith("/")
                        || relative.contains("\\")
                        || Arrays.asList(relative.split("/")).contains("..")
                        || !seen.add(relative.toLowerCase(Locale.ROOT))) {
                    throw new IOException("the zip holds '" + name + "', which is outside " + prefix
                            + ", climbs out of it or is there twice");
                }
                Path target = directory.resolve(relative).normalize();
                if (entry.isDirectory()) {
                    createDirectories(target, created);
                    continue;
                }
                createDirectories(target.getParent(), created);
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (executableInToolchain(relative)) {
                    makeExecutable(target);
                }
                if (target.getFileName().toString().equals("_go.mod")) {
                    Files.copy(target, target.resolveSibling("go.mod"));
                }
            }
        }
    }

    private static void createDirectories(Path directory, Set<Path> created) throws IOException {
        if (created.add(directory)) {
            Files.createDirectories(directory);
        }
    }

    private static boolean executableInToolchain(String relative) {
        String fileName = relative.substring(relative.lastIndexOf('/') + 1);
        return relative.startsWith("bin/")
                || relative.startsWith("pkg/tool/")
                || (relative.startsWith("lib/") && fileName.matches("go_.+_.+_exec"));
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return; // Windows: executability comes from the name
        }
        Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(file));
        permissions.addAll(List.of(
                PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(file, permissions);
    }
}
