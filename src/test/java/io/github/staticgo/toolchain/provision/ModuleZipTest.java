package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.Tools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The h1: hash of a module zip, against the one go itself computes and checks against go.sum. */
class ModuleZipTest {
    @Test
    void hashesAZipAsGoDoes(@TempDir Path dir) throws Exception {
        // go mod download fetches the zip through GOPROXY into the module cache (or finds it there) and
        // prints the Sum it verified against the checksum database.
        JsonObject downloaded = JsonParser.parseString(
                        Tools.run(dir, "go", "mod", "download", "-json", "golang.org/x/mod@v0.22.0"))
                .getAsJsonObject();

        assertEquals(
                downloaded.get("Sum").getAsString(),
                ModuleZip.hash(Path.of(downloaded.get("Zip").getAsString())));
    }
}
