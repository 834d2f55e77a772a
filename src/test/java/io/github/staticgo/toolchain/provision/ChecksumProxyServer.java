package io.github.staticgo.toolchain.provision;

import io.github.staticgo.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A module proxy and checksum database on 127.0.0.1: src/test/go/checksum-proxy, which serves Go's own
 * checksum database implementation (golang.org/x/mod/sumdb) over toolchain zips the test writes. Built
 * with the real go once per test JVM.
 */
public final class ChecksumProxyServer implements AutoCloseable {
    static final String DATABASE_NAME = "sumdb.test";
    private static Path built;

    private final Process process;
    private final Path requestLog;
    /** The server's certificate when it serves HTTPS, else null. */
    private final Path certificate;

    final int port;
    /** The database's verifier key, as Go's note.GenerateKey wrote it: {@code <name>+<hash>+<keydata>}. */
    public final String verifierKey;

    private ChecksumProxyServer(Process process, Path requestLog, Path certificate, int port, String verifierKey) {
        this.process = process;
        this.requestLog = requestLog;
        this.certificate = certificate;
        this.port = port;
        this.verifierKey = verifierKey;
    }

    /** Starts a server for the zips in {@code zips} with the misbehaviour {@code flags} (see its main.go). */
    public static ChecksumProxyServer start(Path zips, Path work, String... flags)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path ready = work.resolve("ready");
        Path requestLog = work.resolve("requests.log");
        List<String> command = new ArrayList<>(List.of(
                executable().toString(),
                "-zips",
                zips.toString(),
                "-name",
                DATABASE_NAME,
                "-ready",
                ready.toString(),
                "-requests",
                requestLog.toString()));
        command.addAll(List.of(flags));
        Path certificate =
                command.contains("-tls-cert") ? Path.of(command.get(command.indexOf("-tls-cert") + 1)) : null;
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(ready)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IOException(
                        "the checksum proxy did not start: " + Files.readString(work.resolve("server.log")));
            }
            Thread.sleep(20);
        }
        String[] portAndKey = Files.readString(ready).trim().split(" ", 2);
        return new ChecksumProxyServer(
                process, requestLog, certificate, Integer.parseInt(portAndKey[0]), portAndKey[1]);
    }

    /** A server that speaks HTTPS with a self-signed certificate for 127.0.0.1 ({@link #trust()}). */
    static ChecksumProxyServer startHttps(Path zips, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        return start(zips, work, "-tls-cert", work.resolve("server.pem").toString());
    }

    /** A TLS context that trusts this server's certificate and no other. */
    SSLContext trust() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry(
                    "server", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static synchronized Path executable() {
        if (built == null) {
            Path source = Path.of("src/test/go/checksum-proxy").toAbsolutePath();
            Path output = Path.of("target/test-tools/checksum-proxy").toAbsolutePath();
            Tools.run(source, "go", "build", "-o", output.toString(), ".");
            built = output;
        }
        return built;
    }

    public String url() {
        return (certificate == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    /** The paths requested so far, in order. */
    public List<String> requests() throws IOException {
        return Files.exists(requestLog) ? Files.readAllLines(requestLog) : List.of();
    }

    public long zipDownloads() throws IOException {
        return requests().stream().filter(path -> path.endsWith(".zip")).count();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /**
     * Writes a toolchain module zip for go{@code goVersion} on linux/amd64 into {@code zips}, laid out as
     * Go's are (files below golang.org/toolchain@&lt;version&gt;/, go.mod files stored as _go.mod). Its bin/go
     * is a test double: a script that answers {@code go version} and the plugin's first {@code go env}
     * (GOVERSION, GOHOSTOS, GOHOSTARCH, then empty values), and whose {@code go install} writes a stand-in
     * tool into GOBIN that prints which go installed it. Entries are stored uncompressed, so one
     * changed byte changes a file's content rather than breaking the zip.
     */
    public static Path toolchainZip(Path zips, String goVersion) throws IOException {
        Files.createDirectories(zips);
        String version = "v0.0.1-go" + goVersion + ".linux-amd64";
        Path zip = zips.resolve(version + ".zip");
        String prefix = "golang.org/toolchain@" + version + "/";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            stored(
                    out,
                    prefix + "bin/go",
                    "#!/bin/sh\n"
                            + "if [ \"$1\" = env ]; then printf 'go" + goVersion + "\\nlinux\\namd64\\n'; shift 4;"
                            + " for key in \"$@\"; do echo; done; exit 0; fi\n"
                            // go install <package>@<version>: a stand-in tool that says which go installed it.
                            + "if [ \"$1\" = install ]; then tool=${2%@*}; tool=${tool##*/};"
                            + " printf '#!/bin/sh\\necho installed by %s\\n' \"$0\" > \"$GOBIN/$tool\";"
                            + " chmod +x \"$GOBIN/$tool\"; exit 0; fi\n"
                            + "echo go version go" + goVersion + " linux/amd64\n");
            stored(out, prefix + "pkg/tool/linux_amd64/compile", "#!/bin/sh\nexit 0\n");
            stored(out, prefix + "src/_go.mod", "module std\n");
            stored(out, prefix + "VERSION", "go" + goVersion + "\n");
        }
        return zip;
    }

    private static void stored(ZipOutputStream out, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }
}
