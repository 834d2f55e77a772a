package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each mistake in {@code <vulnerabilities>} ends in one message that names its element and says what to write. */
class VulnerabilitiesTest {
    @TempDir
    static Path dir;

    record Mistake(String element, String message, Consumer<Vulnerabilities> make) {
        @Override
        public String toString() {
            return element;
        }
    }

    static Stream<Mistake> mistakes() {
        AcceptedVulnerability noReason = new AcceptedVulnerability();
        noReason.setId("GO-2021-0113");
        return Stream.of(
                new Mistake(
                        "<vulnerabilities><onFound>",
                        "'ignore' is neither fail nor warn.",
                        v -> v.setOnFound("ignore")),
                new Mistake(
                        "<vulnerabilities><accept>",
                        "needs an <id> and a <reason>",
                        v -> v.setAccept(List.of(noReason))),
                new Mistake(
                        "<vulnerabilities><database>", "is not a database URL", v -> v.setDatabase("ftp://mirror/db")),
                new Mistake(
                        "<vulnerabilities><database>",
                        "holds no vulnerability database: there is no " + dir.resolve("empty/index/db.json"),
                        v -> v.setDatabase(dir.resolve("empty").toUri().toString())),
                new Mistake(
                        "<vulnerabilities><govulncheckVersion>",
                        "'1.1.4' is not a module version",
                        v -> v.setGovulncheckVersion("1.1.4")),
                new Mistake(
                        "<vulnerabilities><govulncheck>",
                        "is not an executable file",
                        v -> v.setGovulncheck(new File("/nonexistent/govulncheck"))),
                new Mistake(
                        "<vulnerabilities><timeout>", "must be at least 1 (seconds), not 0.", v -> v.setTimeout(0)));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeNamesItsElement(Mistake mistake) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Vulnerabilities vulnerabilities = new Vulnerabilities();
        mistake.make().accept(vulnerabilities);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> vulnerabilities.check(false));
        assertEquals(mistake.element(), "<" + e.element() + ">");
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains(mistake.message()), e.getMessage());
    }

    @Test
    void offlineOnlyAFileMirrorCanBeRead() throws Exception {
        Vulnerabilities vulnerabilities = new Vulnerabilities();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> vulnerabilities.check(true));
        assertEquals("vulnerabilities><database", e.element());
        assertTrue(e.getMessage().contains("Maven runs offline (-o), and Go's public database is on a server"));
        Path mirror = Files.createDirectories(dir.resolve("mirror/index"));
        Files.writeString(mirror.resolve("db.json"), "{\"modified\":\"2023-04-03T15:57:51Z\"}");
        vulnerabilities.setDatabase(dir.resolve("mirror").toUri().toString());
        vulnerabilities.check(true);
    }

    @Test
    void theDefaultsAreGosPublicDatabaseAndFailingOnWhatIsFound() throws Exception {
        Vulnerabilities vulnerabilities = new Vulnerabilities();
        vulnerabilities.check(false);
        assertNull(vulnerabilities.database(), "no -db: govulncheck's own default");
        assertEquals(true, vulnerabilities.policy().failOnFound());
        assertEquals(Map.of(), vulnerabilities.policy().accepted());
        assertEquals(Vulnerabilities.DEFAULT_GOVULNCHECK_VERSION, vulnerabilities.govulncheckVersion());
    }
}
