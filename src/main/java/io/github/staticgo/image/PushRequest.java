package io.github.staticgo.image;

import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.oci.Credentials;
import io.github.staticgo.oci.DockerConfig;
import io.github.staticgo.oci.RegistryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one push sends, and with which credentials.
 *
 * @param imageDirectory where the image goal wrote image.json and the layout
 * @param servers credentials from settings.xml, by server id, which is the registry's host[:port]
 * @param dockerConfig where else credentials are looked up, after {@code servers}
 * @param insecureRegistries registries (host[:port]) that may be spoken to in plain HTTP though not loopback
 * @param network the settings.xml proxies the registry is reached through
 * @param timeout for each request to the registry
 */
public record PushRequest(
        Path imageDirectory,
        Servers servers,
        DockerConfig dockerConfig,
        List<String> insecureRegistries,
        NetworkSettings network,
        Duration timeout) {
    /** The credentials of the settings.xml server whose id is {@code id}, decrypted, if there is one. */
    @FunctionalInterface
    public interface Servers {
        Optional<Credentials> find(String id) throws RegistryException;
    }

    public PushRequest {
        insecureRegistries = List.copyOf(insecureRegistries);
    }
}
