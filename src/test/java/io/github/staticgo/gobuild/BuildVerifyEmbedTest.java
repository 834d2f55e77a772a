package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import io.github.staticgo.embed.EmbedException;
import io.github.staticgo.embed.StaticGoEmbed;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real go builds, real verify, then embed: the class-path layout holds the verified binaries and their index only. */
class BuildVerifyEmbedTest {
    @TempDir
    Path dir;

    @Test
    void verifiedBinariesAndTheirIndexGoIntoTheClassesAndNothingElse() throws Exception {
        Path out = TestBuilds.buildAndVerify(dir, List.of("linux/amd64", "linux/arm/7", "windows/amd64"));
        Path report = out.resolve("verify-report.json");
        Path classes = dir.resolve("classes");
        Path stale = Files.createDirectories(classes.resolve("META-INF/static-go/old/linux-amd64"))
                .resolve("old");
        Files.writeString(stale, "a binary a former build embedded");

        StaticGoEmbed.embed(new StaticGoEmbed.EmbedRequest(out, report, classes, StaticGoEmbed.DEFAULT_PREFIX));

        Path root = classes.resolve("META-INF/static-go");
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(
                    List.of(
                            "hello/linux-amd64/hello",
                            "hello/linux-arm-7/hello",
                            "hello/windows-amd64/hello.exe",
                            "index.properties"),
                    files.filter(Files::isRegularFile)
                            .map(f -> root.relativize(f).toString())
                            .sorted()
                            .toList(),
                    "the binaries and the index; no build.json, no report, nothing a former build left");
        }
        Properties index = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("index.properties"))) {
            index.load(in);
        }
        for (String platform : List.of("linux-amd64", "linux-arm-7", "windows-amd64")) {
            String resource = index.getProperty("hello." + platform + ".path");
            Path embedded = classes.resolve(resource);
            // sha256sum's digest of the embedded file is the index's.
            String sha256sum = Tools.run(dir, "sha256sum", embedded.toString()).split(" ")[0];
            assertEquals(sha256sum, index.getProperty("hello." + platform + ".sha256"), platform);
            assertEquals(Long.toString(Files.size(embedded)), index.getProperty("hello." + platform + ".size"));
        }
        assertEquals("linux/arm/7", index.getProperty("hello.linux-arm-7.target"));
        assertTrue(Files.isExecutable(root.resolve("hello/linux-amd64/hello")));
        assertEquals(
                "hello dev",
                Tools.run(dir, root.resolve("hello/linux-amd64/hello").toString())
                        .strip());
        assertFalse(Files.exists(stale));

        // A binary changed after verify passed it: nothing is embedded, the last layout stays whole.
        byte[] before = Files.readAllBytes(root.resolve("index.properties"));
        Files.write(out.resolve("hello-linux-amd64"), new byte[] {0}, StandardOpenOption.APPEND);
        EmbedException changed = assertThrows(
                EmbedException.class,
                () -> StaticGoEmbed.embed(
                        new StaticGoEmbed.EmbedRequest(out, report, classes, StaticGoEmbed.DEFAULT_PREFIX)));
        assertTrue(
                changed.getMessage().contains("hello-linux-amd64 changed after it was verified"), changed.getMessage());
        assertEquals(new String(before), Files.readString(root.resolve("index.properties")));
    }
}
