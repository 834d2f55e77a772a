package io.github.staticgo.toolchain.provision;

import io.github.staticgo.BuildLog;
import io.github.staticgo.HumanSize;
import io.github.staticgo.process.ReadableLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP GETs through the JDK's client, with the proxies of settings.xml: small answers into memory, a
 * toolchain zip into a file with a progress line. Never used when Maven runs offline.
 */
final class HttpTransfer {
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

    HttpTransfer(NetworkSettings network, Duration progressInterval, BuildLog log) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(new SettingsProxySelector(network.proxies()));
        network.proxies().stream()
                .filter(proxy -> proxy.username() != null)
                .findFirst()
                .ifPresent(proxy -> builder.authenticator(new ProxyAuthenticator(network.proxies())));
        this.client = builder.build();
        this.progressInterval = progressInterval;
        this.log = log;
    }

    Answer get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(uri).timeout(SMALL_ANSWER_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * Writes the body of a 200 answer to {@code file}; any other status writes nothing and returns the
     * first line of the server's answer, as go shows it. A body shorter than the Content-Length the
     * server announced fails as a truncated download.
     */
    Answer download(URI uri, Path file, String what) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(), body.readNBytes(1000));
            }
            long announced =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long written = copyWithProgress(body, file, announced, what);
            if (announced >= 0 && written != announced) {
                throw new IOException("the download of " + what + " was truncated: " + written + " of " + announced
                        + " bytes arrived");
            }
            return new Answer(200, new byte[0]);
        }
    }

    private long copyWithProgress(InputStream body, Path file, long total, String what) throws IOException {
        long started = System.nanoTime();
        long lastShown = started;
        long written = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                written += read;
                long now = System.nanoTime();
                if (now - lastShown >= progressInterval.toNanos()) {
                    log.info(progressLine(what, written, total, now - started));
                    lastShown = now;
                }
            }
        } catch (IOException e) {
            throw new IOException(
                    "the download of " + what + " broke off after " + written + " bytes"
                            + (total >= 0 ? " of " + total : "") + ": " + e.getMessage(),
                    e);
        }
        log.info("Downloaded " + what + ": "
                + progressLine("", written, -1, System.nanoTime() - started).trim());
        return written;
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

    /** The settings.xml proxy for an address's scheme, unless its host is one of the proxy's nonProxyHosts. */
    private static final class SettingsProxySelector extends ProxySelector {
        private final List<NetworkSettings.HttpProxy> proxies;

        SettingsProxySelector(List<NetworkSettings.HttpProxy> proxies) {
            this.proxies = proxies;
        }

        @Override
        public List<java.net.Proxy> select(URI uri) {
            return forUri(proxies, uri)
                    .map(proxy -> List.of(new java.net.Proxy(
                            java.net.Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))))
                    .orElse(List.of(java.net.Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // The request fails with the error; no other proxy to fall back on.
        }
    }

    static Optional<NetworkSettings.HttpProxy> forUri(List<NetworkSettings.HttpProxy> proxies, URI uri) {
        return proxies.stream()
                .filter(proxy -> proxy.protocol().equalsIgnoreCase(uri.getScheme()))
                .filter(proxy -> !proxy.bypasses(uri.getHost()))
                .findFirst();
    }

    /** Answers a proxy's authentication request with the credentials settings.xml gives that proxy. */
    private static final class ProxyAuthenticator extends Authenticator {
        private final List<NetworkSettings.HttpProxy> proxies;

        ProxyAuthenticator(List<NetworkSettings.HttpProxy> proxies) {
            this.proxies = proxies;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return proxies.stream()
                    .filter(proxy -> proxy.username() != null)
                    .filter(proxy ->
                            proxy.host().equalsIgnoreCase(getRequestingHost()) && proxy.port() == getRequestingPort())
                    .findFirst()
                    .map(proxy -> new PasswordAuthentication(
                            proxy.username(), (proxy.password() == null ? "" : proxy.password()).toCharArray()))
                    .orElse(null);
        }
    }
}
