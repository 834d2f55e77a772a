package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer as GNU tar and gzip read it: sorted, parents added, fixed owners and time, a gzip header without time. */
class LayerTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static List<LayerEntry> entries() {
        return List.of(
                LayerEntry.file("usr/local/bin/app", 0755, 0, 0, "binary".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.symlink("usr/share/zoneinfo/UTC", "Etc/UTC"),
                new LayerEntry("home/nonroot", LayerEntry.Kind.DIRECTORY, 0700, 65532, 65532, null, null),
                LayerEntry.file(
                        "etc/passwd", 0644, 0, 0, "root:x:0:0::/:/sbin/nologin\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tarAndGzipReadItAsWritten() throws Exception {
        Path file = dir.resolve("layer.tar.gz");
        Layer layer = Layer.write(entries(), TIME, Files.newOutputStream(file));
        assertEquals(Files.size(file), layer.descriptor().size());
        assertEquals("sha256:" + FileDigest.sha256(file), layer.descriptor().digest());

        String listing =
                Tools.run(dir, java.util.Map.of("TZ", "UTC"), "tar", "--numeric-owner", "-tvzf", file.toString());
        assertEquals(
                List.of(
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 etc/",
                        "-rw-r--r-- 0/0 28 2026-01-01 00:00 etc/passwd",
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 home/",
                        "drwx------ 65532/65532 0 2026-01-01 00:00 home/nonroot/",
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 usr/",
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 usr/local/",
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 usr/local/bin/",
                        "-rwxr-xr-x 0/0 6 2026-01-01 00:00 usr/local/bin/app",
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 usr/share/",
                        "drwxr-xr-x 0/0 0 2026-01-01 00:00 usr/share/zoneinfo/",
                        "lrwxrwxrwx 0/0 0 2026-01-01 00:00 usr/share/zoneinfo/UTC -> Etc/UTC"),
                listing.lines().map(line -> line.replaceAll(" +", " ")).toList());

        // RFC 1952: ID1 ID2, CM 8 (deflate), FLG 0 (no name, no comment), MTIME 0: nothing of the machine or the hour.
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, Arrays.copyOf(Files.readAllBytes(file), 8));
        // The config's diff_id is the digest of what gzip -d gives back.
        String unpacked = Tools.run(dir, "sh", "-c", "gzip -dc layer.tar.gz | sha256sum");
        assertEquals(layer.diffId(), "sha256:" + unpacked.split(" ")[0]);
    }

    @Test
    void theSameEntriesInAnyOrderGiveTheSameDigest() throws Exception {
        List<LayerEntry> reversed = new java.util.ArrayList<>(entries());
        java.util.Collections.reverse(reversed);
        assertEquals(
                Layer.write(entries(), TIME, new ByteArrayOutputStream()).descriptor(),
                Layer.write(reversed, TIME, new ByteArrayOutputStream()).descriptor());
    }

    @Test
    void aFileThatIsNoLongerWhatWasVerifiedStopsTheLayer() throws Exception {
        Path binary = Files.writeString(dir.resolve("app"), "verified");
        String verified = FileDigest.sha256(binary);
        LayerEntry.Content content = LayerEntry.Content.verified(binary, verified);
        Files.writeString(binary, "replaced");
        IOException e = assertThrows(
                IOException.class,
                () -> Layer.write(
                        List.of(LayerEntry.file("usr/local/bin/app", 0755, 0, 0, content)),
                        TIME,
                        new ByteArrayOutputStream()));
        assertEquals(
                binary + " changed after it was verified (its SHA-256 is no longer " + verified
                        + "): build and verify it again (mvn verify).",
                e.getMessage());
    }
}
