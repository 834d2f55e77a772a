package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The h1: hash of a module zip, against the one go itself computes and checks against go.sum, as it
 * streams in and through the central directory; and a zip is unpacked as it was hashed.
 */
class ModuleZipTest {
    private static final String PREFIX = "golang.org/toolchain@v0.0.1-go1.99.1.linux-amd64/";

    @TempDir
    Path dir;

    /** The hash of {@code zip} as it would be computed while it downloads. */
    private static ModuleZip.Hashed streamed(Path zip) throws IOException {
        ModuleZip.StreamedHash hash = new ModuleZip.StreamedHash();
        try (InputStream in = Files.newInputStream(zip)) {
            hash.read(in);
        }
        return hash.hashOf(zip);
    }

    @Test
    void hashesAZipAsGoDoes() throws Exception {
        // go mod download fetches the zip through GOPROXY into the module cache (or finds it there) and
        // prints the Sum it verified against the checksum database.
        JsonObject downloaded = JsonParser.parseString(
                        Tools.run(dir, "go", "mod", "download", "-json", "golang.org/x/mod@v0.22.0"))
                .getAsJsonObject();
        String sum = downloaded.get("Sum").getAsString();
        Path zip = Path.of(downloaded.get("Zip").getAsString());

        assertEquals(sum, ModuleZip.hash(zip));
        assertEquals(new ModuleZip.Hashed(sum, ModuleZip.Reading.STREAMED), streamed(zip));
    }

    /** Bytes before the first entry, which go's archive/zip and ZipFile skip: no entry streams, the central directory hashes. */
    @Test
    void aZipThatDoesNotStreamIsHashedThroughItsCentralDirectory() throws Exception {
        Path zip = ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        String hash = ModuleZip.hash(zip);
        Path prefixed = dir.resolve("prefixed.zip");
        Files.write(prefixed, ("#!/bin/sh\n" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8));
        Files.write(prefixed, Files.readAllBytes(zip), java.nio.file.StandardOpenOption.APPEND);

        ModuleZip.Hashed hashed = streamed(prefixed);

        assertEquals(new ModuleZip.Hashed(hash, ModuleZip.Reading.CENTRAL), hashed);
        ModuleZip.unpack(prefixed, hashed.reading(), PREFIX, dir.resolve("goroot"));
        assertEquals("go1.99.1\n", Files.readString(dir.resolve("goroot/VERSION")));
    }

    /**
     * A zip whose entries read front to back are not the ones its central directory lists (here a local
     * header renames VERSION): what is hashed and what is unpacked are both the central directory's.
     */
    @Test
    void aZipWhoseLocalHeadersDisagreeWithItsCentralDirectoryIsReadThroughTheDirectory() throws Exception {
        Path zip = ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        String hash = ModuleZip.hash(zip);
        byte[] bytes = Files.readAllBytes(zip);
        int local = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(PREFIX + "VERSION");
        bytes[local + PREFIX.length() + "VERSIO".length()] = 'M';
        Path altered = dir.resolve("altered.zip");
        Files.write(altered, bytes);

        ModuleZip.Hashed hashed = streamed(altered);

        assertEquals(new ModuleZip.Hashed(hash, ModuleZip.Reading.CENTRAL), hashed);
        ModuleZip.unpack(altered, hashed.reading(), PREFIX, dir.resolve("goroot"));
        assertTrue(Files.isRegularFile(dir.resolve("goroot/VERSION")));
        assertFalse(Files.exists(dir.resolve("goroot/VERSIOM")));
    }

    @Test
    void unpacksWithModesAndGoModFiles() throws Exception {
        Path zip = ChecksumProxyServer.toolchainZip(dir.resolve("zips"), "1.99.1");
        ModuleZip.Hashed hashed = streamed(zip);
        assertEquals(ModuleZip.Reading.STREAMED, hashed.reading());

        ModuleZip.unpack(zip, hashed.reading(), PREFIX, dir.resolve("goroot"));

        assertTrue(Files.isExecutable(dir.resolve("goroot/bin/go")));
        assertTrue(Files.isExecutable(dir.resolve("goroot/pkg/tool/linux_amd64/compile")));
        assertFalse(Files.isExecutable(dir.resolve("goroot/VERSION")));
        assertEquals("module std\n", Files.readString(dir.resolve("goroot/src/go.mod")));
        assertEquals("module std\n", Files.readString(dir.resolve("goroot/src/_go.mod")));
    }
}
