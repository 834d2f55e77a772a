package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.FileDigest;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compress Mojo configured from a pom snippet by Maven's own configurator ({@code <upx>} with
 * per-target {@code <targets><target>}), run against the UPX test double (not UPX).
 */
@MojoTest
class CompressMojoTest {
    private static final String PROJECT = "target/test-classes/unit/compress-upx";
    private static final Path BASEDIR = Path.of(PROJECT).toAbsolutePath();
    private static final Path OUT = BASEDIR.resolve("target/wiring-out");
    private static final Path TOOLS = BASEDIR.resolve("target/tools");

    @BeforeEach
    void buildOutputAndDouble() throws IOException {
        for (Path dir : List.of(OUT, TOOLS)) {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        }
        try (InputStream script = getClass().getResourceAsStream("/io/github/staticgo/upx/upx-double.sh")) {
            Files.write(TOOLS.resolve("upx"), script.readAllBytes());
        }
        assertTrue(TOOLS.resolve("upx").toFile().setExecutable(true));
        List<BuiltBinary> binaries = new ArrayList<>();
        for (String arch : List.of("amd64", "arm64", "386")) {
            Path file = OUT.resolve("app-linux-" + arch);
            Files.writeString(file, "not really a binary for " + arch); // the double packs anything
            binaries.add(new BuiltBinary(
                    file.getFileName().toString(),
                    ".",
                    "linux",
                    arch,
                    null,
                    null,
                    "off",
                    true,
                    "linux-" + arch,
                    Files.size(file),
                    FileDigest.sha256(file),
                    "default",
                    null));
        }
        new BuildManifest("go1.26", binaries).write(OUT);
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "compress", pom = "pom.xml")
    void readsUpxWithPerTargetOverrides(CompressMojo mojo) throws Exception {
        mojo.execute();

        List<String> calls = Files.readAllLines(TOOLS.resolve("calls.log"));
        List<String> packs = calls.stream().filter(c -> c.contains("|-o|")).toList();
        assertEquals(2, packs.size(), calls.toString());
        assertTrue(packs.get(0).startsWith("--no-env|--no-progress|--best|--lzma|--no-filter|-o|"), packs.get(0));
        assertTrue(packs.get(1).startsWith("--no-env|--no-progress|-9|--no-filter|-o|"), packs.get(1));
        List<BuiltBinary> written = BuildManifest.read(OUT).binaries();
        assertEquals("originals/app-linux-amd64", written.get(0).upx().unpackedFile());
        assertTrue(Files.exists(OUT.resolve("originals/app-linux-arm64")));
        assertEquals(null, written.get(2).upx(), "linux/386 is off by its override");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "compress", pom = "pom.xml")
    @MojoParameter(name = "upxEnabled", value = "false")
    void theUpxPropertyTurnsItOffForEveryTarget(CompressMojo mojo) throws Exception {
        mojo.execute();

        assertFalse(Files.exists(TOOLS.resolve("calls.log")), "upx never ran");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "compress", pom = "pom.xml")
    @MojoParameter(name = "upxExecutable", value = "/no/such/upx")
    void aMissingUpxIsAFailureThatSaysWhatToDo(CompressMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(
                failure.getMessage().startsWith("<upxExecutable> /no/such/upx is not an executable file."),
                failure.getMessage());
    }
}
