package io.github.staticgo.toolchain.provision;

import io.github.staticgo.BuildLog;
import io.github.staticgo.HumanSize;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.network.ProxyRoutes;
import io.github.staticgo.process.ReadableLine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * HTTP GETs through the JDK's client, with the proxies of settings.xml: small answers into memory, a
 * toolchain zip into a file with a progress line. Never used when Maven runs offline.
 */
final class HttpTransfer implements AutoCloseable {
    /** What a server answered: its status and its body (of a download: only when it failed). */
    record Answer(int status, byte[] body) {
        boolean ok() {
            return status == 200;
        }

        /** "HTTP 403 (server response: This module version is not available.)", for messages. */
        String failure() {
            String firstLine = new String(body, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("")
                    .trim();
            return "HTTP " + status
                    + (firstLine.isEmpty() ? "" : " (server response: " + ReadableLine.of(firstLine) + ")");
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** A small answer (info, lookup, tile) that takes longer than this means the server is stuck. */
    private static final Duration SMALL_ANSWER_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient client;
    private final Duration progressInterval;
    private final BuildLog log;
    private final ProxyRoutes routes;

    HttpTransfer(NetworkSettings network, Duration progressInterval, BuildLog log) throws ProvisionException {
        this(network, progressInterval, log, null);
    }

    /** @param tls the TLS context to trust servers with, null for the JVM's default */
    HttpTransfer(NetworkSettings network, Duration progressInterval, BuildLog log, SSLContext tls)
            throws ProvisionException {
        try {
            this.routes = new ProxyRoutes(network, true);
        } catch (IOException e) {
            throw new ProvisionException(e.getMessage());
        }
        HttpClient.Builder builder = routes.configure(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.progressInterval = progressInterval;
        this.log = log;
    }

    Answer get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = routes.send(
                client,
                HttpRequest.newBuilder(uri).GET().timeout(SMALL_ANSWER_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    /** Stops the proxy relays listening; tunnels the client still holds end with its connections. */
    @Override
    public void close() {
        routes.close();
    }

    /** Reads a download's body as it arrives, e.g. to hash it; what it leaves unread still goes to the file. */
    @FunctionalInterface
    interface BodyReader {
        /** Reads as much of {@code body} as it wants; it must not close it. */
        void read(InputStream body);
    }

    /**
     * Writes the body of a 200 answer to {@code file}, handing it to {@code reader} on the way; any other
     * status writes nothing and returns the first line of the server's answer, as go shows it. A body
     * shorter than the Content-Length the server announced fails as a truncated download.
     */
    Answer download(URI uri, Path file, String what, BodyReader reader) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = routes.send(
                client, HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(), body.readNBytes(1000));
            }
            long announced =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long written = copyWithProgress(body, file, announced, what, reader);
            if (announced >= 0 && written != announced) {
                throw new IOException("the download of " + what + " was truncated: " + written + " of " + announced
                        + " bytes arrived");
            }
            return new Answer(200, new byte[0]);
        }
    }

    private long copyWithProgress(InputStream body, Path file, long total, String what, BodyReader reader)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            Tee tee = new Tee(new BufferedInputStream(body, 1 << 16), out, total, what);
            reader.read(tee);
            if (tee.failure != null) {
                throw tee.failure;
            }
            tee.transferTo(OutputStream.nullOutputStream()); // what the reader left: the rest of the file
            log.info("Downloaded " + what + ": "
                    + progressLine("", tee.written, -1, System.nanoTime() - tee.started)
                            .trim());
            return tee.written;
        }
    }

    /**
     * The body as the reader reads it, each byte also written to the file, with the progress line; a
     * failure of the connection or the file is kept for the transfer, whatever the reader makes of it.
     */
    private final class Tee extends InputStream {
        private final InputStream body;
        private final OutputStream file;
        private final long total;
        private final String what;
        final long started = System.nanoTime();
        private long lastShown = started;
        long written;
        IOException failure;

        Tee(InputStream body, OutputStream file, long total, String what) {
            this.body = body;
            this.file = file;
            this.total = total;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                int read = body.read(buffer, offset, length);
                if (read > 0) {
                    file.write(buffer, offset, read);
                    written += read;
                    long now = System.nanoTime();
                    if (now - lastShown >= progressInterval.toNanos()) {
                        log.info(progressLine(what, written, total, now - started));
                        lastShown = now;
                    }
                }
                return read;
            } catch (IOException e) {
                failure = new IOException(
                        "the download of " + what + " broke off after " + written + " bytes"
                                + (total >= 0 ? " of " + total : "") + ": " + e.getMessage(),
                        e);
                throw failure;
            }
        }

        @Override
        public void close() {
            // The transfer closes the body and the file.
        }
    }

    static String progressLine(String what, long written, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        String rate = HumanSize.of((long) (written / seconds)) + "/s";
        String amount = total > 0
                ? HumanSize.of(written) + " of " + HumanSize.of(total)
                        + String.format(Locale.ROOT, " (%d%%)", written * 100 / total)
                : HumanSize.of(written);
        return (what.isEmpty() ? "" : "Downloading " + what + ": ") + amount + ", "
                + String.format(Locale.ROOT, "%.1f s", seconds) + ", " + rate;
    }
}
