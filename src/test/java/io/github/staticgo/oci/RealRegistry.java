package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (distribution 2.8) on 127.0.0.1, as IT image-sidecar starts it
 * (src/it/shared/registry.groovy), with the {@code auth} section a test gives; ended by {@link #close()}, and by
 * coreutils' timeout should the test JVM die first.
 */
final class RealRegistry implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private RealRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param auth the config's {@code auth:} section, its lines indented by two spaces */
    static RealRegistry start(Path dir, String auth) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(
                config,
                "version: 0.1\n"
                        + "log:\n  level: info\n"
                        + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n"
                        + "http:\n  addr: 127.0.0.1:" + port + "\n"
                        + "auth:\n" + auth);
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder("timeout", "600", "docker-registry", "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RealRegistry registry = new RealRegistry(process, port, log);
        for (int i = 0; i < 100; i++) {
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + port + "/v2/").toURL().openConnection();
                if (connection.getResponseCode() == 401) {
                    return registry;
                }
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    fail("docker-registry ended: " + Files.readString(log));
                }
            }
            Thread.sleep(100);
        }
        registry.close();
        return fail("docker-registry did not answer on 127.0.0.1:" + port + ": " + Files.readString(log));
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
