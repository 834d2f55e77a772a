package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker config file as Docker's documentation of {@code docker login} shows it: where it is, its {@code auths}
 * keys written with or without a scheme, and registries left to a credential helper, which are refused. (A file
 * written by a real {@code skopeo login} is read in IT image-sidecar.)
 */
class DockerConfigTest {
    @TempDir
    Path dir;

    @Test
    void dockerConfigNamesTheDirectoryElseTheHomeOneIsUsed() {
        assertEquals(
                dir.resolve("elsewhere/config.json"),
                DockerConfig.of(Map.of("DOCKER_CONFIG", dir.resolve("elsewhere").toString()), dir)
                        .file());
        assertEquals(
                dir.resolve(".docker/config.json"),
                DockerConfig.of(Map.of(), dir).file());
    }

    @Test
    void anAuthsKeyWithSchemeAndPathNamesTheSameRegistry() throws Exception {
        // base64 of "pusher:it-secret"
        Files.createDirectories(dir.resolve(".docker"));
        Files.writeString(
                dir.resolve(".docker/config.json"),
                "{\"auths\": {\"https://127.0.0.1:5000/v1/\": {\"auth\": \"cHVzaGVyOml0LXNlY3JldA==\"}}}");
        Credentials found =
                DockerConfig.of(Map.of(), dir).credentials("127.0.0.1:5000").orElseThrow();
        assertEquals("pusher", found.username());
        assertEquals("it-secret", found.password());
        assertTrue(DockerConfig.of(Map.of(), dir).credentials("127.0.0.1:5001").isEmpty());
    }

    @Test
    void aRegistryLeftToACredentialHelperIsRefusedWithWhatToDoInstead() throws Exception {
        Files.createDirectories(dir.resolve(".docker"));
        Files.writeString(
                dir.resolve(".docker/config.json"),
                "{\"auths\": {}, \"credHelpers\": {\"registry.example.com\": \"ecr-login\"}}");
        RegistryException e = assertThrows(
                RegistryException.class, () -> DockerConfig.of(Map.of(), dir).credentials("registry.example.com"));
        assertEquals(
                "<servers>: the Docker config " + dir.resolve(".docker/config.json")
                        + " leaves the credentials of registry.example.com to the credential helper "
                        + "docker-credential-ecr-login, which this plugin does not run: add "
                        + "<server><id>registry.example.com</id>...</server> to settings.xml instead.",
                e.getMessage());
    }
}
