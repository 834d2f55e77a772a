package io.github.staticgo.network;

import io.github.staticgo.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** tinyproxy on 127.0.0.1 asking for Basic credentials, as a corporate proxy of settings.xml would. */
public final class Tinyproxy implements AutoCloseable {
    public final int port;
    private final Path work;

    private Tinyproxy(int port, Path work) {
        this.port = port;
        this.work = work;
    }

    /** Starts tinyproxy asking for {@code user}/{@code password}, opening tunnels to {@code connectPort} only. */
    public static Tinyproxy start(Path work, String user, String password, int connectPort) throws Exception {
        Files.createDirectories(work);
        work.toFile().setWritable(true, false); // tinyproxy may drop to another user before it writes its log
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = work.resolve("tinyproxy.conf");
        Files.writeString(
                config,
                "Port " + port + "\nListen 127.0.0.1\nTimeout 60\nMaxClients 20\n"
                        + "LogFile \"" + work.resolve("tinyproxy.log") + "\"\nLogLevel Connect\n"
                        + "PidFile \"" + work.resolve("tinyproxy.pid") + "\"\n"
                        + "BasicAuth " + user + " " + password + "\nConnectPort " + connectPort + "\n");
        Tools.run(work, "tinyproxy", "-c", config.toString());
        for (int tries = 0; tries < 100; tries++) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return new Tinyproxy(port, work);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("tinyproxy did not listen on " + port + ": " + new Tinyproxy(port, work).log());
    }

    /** tinyproxy's own log: each request it forwarded or refused. */
    public String log() throws IOException {
        Path log = work.resolve("tinyproxy.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        Path pid = work.resolve("tinyproxy.pid");
        if (Files.exists(pid)) {
            Tools.run(work, "kill", Files.readString(pid).trim());
        }
    }
}
