package com.example.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the sidecar from the jar's resources and asks it over HTTP, as the service would. */
class SidecarTest {
    @TempDir
    Path work;

    @Test
    void theSidecarFromTheClassPathAnswersOverHttp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process sidecar = Sidecar.start(Sidecar.extract(work), "127.0.0.1:" + port);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            String answer = null;
            for (int attempt = 0; attempt < 100 && answer == null; attempt++) {
                try {
                    answer = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
                } catch (java.io.IOException notYetListening) {
                    Thread.sleep(100);
                }
            }
            assertEquals("ok\n", answer);
        } finally {
            sidecar.destroy();
            sidecar.waitFor();
        }
    }
}
