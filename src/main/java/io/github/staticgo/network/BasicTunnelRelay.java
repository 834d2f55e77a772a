package io.github.staticgo.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A CONNECT relay on 127.0.0.1 in front of one settings.xml proxy that asks for Basic credentials.
 *
 * <p>The JDK's HTTP client will not send Basic credentials to open an HTTPS tunnel (Basic is in
 * jdk.http.auth.tunneling.disabledSchemes by default, read once per JVM, for the whole JVM), and it
 * drops a Proxy-Authorization: Basic header a request sets itself. Clearing that property would change
 * it for Maven and every plugin in the build, and only if no HTTP client had been used before. So the
 * client is pointed at this relay instead: the relay opens the tunnel at the real proxy with the
 * credentials, answers the client's CONNECT, and then only copies bytes, TLS end to end between the
 * client and the server. It serves only requests that carry {@link #TOKEN_HEADER} with its random
 * token (a Proxy- header, which the client sends to its proxy and never to the server), so that
 * another process on the machine cannot use the proxy with these credentials.
 */
final class BasicTunnelRelay implements AutoCloseable {
    static final String TOKEN_HEADER = "Proxy-Static-Go-Relay";
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEAD = 16 * 1024;

    private final NetworkSettings.HttpProxy proxy;
    private final ServerSocket server;
    private final String token;
    private volatile String refusal;

    BasicTunnelRelay(NetworkSettings.HttpProxy proxy) throws IOException {
        this.proxy = proxy;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        Thread acceptor = new Thread(this::accept, "static-go-proxy-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    String token() {
        return token;
    }

    /** Why the real proxy last refused a tunnel ("HTTP 407 ..."), or null. */
    String refusal() {
        return refusal;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread relay = new Thread(() -> relay(client), "static-go-proxy-relay-connection");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            client.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            String head = readHead(client.getInputStream());
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length != 3 || !requestLine[0].equals("CONNECT") || !hasToken(lines)) {
                answer(client, "403 Forbidden");
                return;
            }
            String target = requestLine[1];
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(proxy.host(), proxy.port()), CONNECT_TIMEOUT_MILLIS);
                upstream.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
                upstream.getOutputStream()
                        .write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nProxy-Authorization: "
                                        + proxy.basic() + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                String answer = readHead(upstream.getInputStream());
                String status = answer.lines().findFirst().orElse("");
                String[] parts = status.split(" ", 3);
                if (parts.length < 2 || !parts[1].equals("200")) {
                    refusal = "HTTP " + (parts.length < 2 ? "?" : parts[1] + (parts.length == 3 ? " " + parts[2] : ""));
                    answer(client, "502 Bad Gateway");
                    return;
                }
                refusal = null;
                answer(client, "200 Connection established");
                client.setSoTimeout(0);
                upstream.setSoTimeout(0);
                Thread back = new Thread(() -> copy(upstream, client), "static-go-proxy-relay-back");
                back.setDaemon(true);
                back.start();
                copy(client, upstream);
                back.join();
            }
        } catch (IOException | RuntimeException e) {
            // The client sees its connection end and reports the failure.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean hasToken(String[] headers) {
        String prefix = TOKEN_HEADER.toLowerCase(Locale.ROOT) + ":";
        for (int i = 1; i < headers.length; i++) {
            String header = headers[i];
            if (header.toLowerCase(Locale.ROOT).startsWith(prefix)
                    && header.substring(prefix.length()).trim().equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** Copies one direction until it ends, then ends the other side's writing. */
    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // one side closed
        }
        try {
            to.shutdownOutput();
        } catch (IOException alreadyClosed) {
            // nothing left to end
        }
    }

    private static void answer(Socket client, String status) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The status line and headers, up to the blank line, read byte by byte so nothing after it is taken. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0 || head.size() >= MAX_HEAD) {
                throw new IOException("the proxy connection ended before its answer did");
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException alreadyClosed) {
            // nothing listens any more either way
        }
    }
}
