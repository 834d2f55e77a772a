package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierKeyTest {
    /** GOSUMDB's default as the real go reports it, with no GOSUMDB in the environment. */
    @Test
    void recognisesGoDefaultDatabaseByTheNameGoReports(@TempDir Path dir) throws Exception {
        String name = Tools.run(dir, Map.of("GOSUMDB", "", "GOENV", "off"), "go", "env", "GOSUMDB")
                .trim();

        VerifierKey key = VerifierKey.goDefaultNamed(name).orElseThrow();

        assertEquals(name, key.name());
        assertTrue(VerifierKey.goDefaultNamed(name + "x").isEmpty(), "the key hash pins the name");
    }

    @Test
    void refusesAKeyWhoseHashDoesNotMatch(@TempDir Path dir) throws Exception {
        try (ChecksumProxyServer server =
                ChecksumProxyServer.start(Files.createDirectories(dir.resolve("zips")), dir.resolve("server"))) {
            String generatedByGo = server.verifierKey;
            assertEquals(
                    ChecksumProxyServer.DATABASE_NAME,
                    VerifierKey.parse(generatedByGo).name());

            String otherName = generatedByGo.replaceFirst("^[^+]+", "other.test");
            ChecksumDatabaseException refused =
                    assertThrows(ChecksumDatabaseException.class, () -> VerifierKey.parse(otherName));
            assertTrue(refused.getMessage().contains("does not match its own hash"), refused.getMessage());
        }
    }
}
