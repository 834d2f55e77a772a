package com.example.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The Go sidecar this service ships: found on the class path by static-go:embed's index, written to a
 * directory as an executable after its SHA-256 is checked, and started on an address of the caller's.
 */
public final class Sidecar {
    private static final String INDEX = "META-INF/static-go/index.properties";

    private Sidecar() {}

    /** "linux-amd64" for this JVM's platform, as the index names platforms. */
    static String hostPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                ? "linux"
                : System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        return os + "-" + arch;
    }

    /** Writes this platform's sidecar into {@code directory} and returns it, executable and checked. */
    public static Path extract(Path directory) throws IOException {
        Properties index = new Properties();
        try (InputStream in = resource(INDEX)) {
            index.load(in);
        }
        String key = "sidecar." + hostPlatform();
        String resource = index.getProperty(key + ".path");
        if (resource == null) {
            throw new IOException("no sidecar for " + hostPlatform() + " on the class path; " + INDEX + " lists "
                    + index.stringPropertyNames());
        }
        Path binary = directory.resolve("sidecar");
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(resource(resource), sha256)) {
            Files.copy(in, binary);
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (!digest.equals(index.getProperty(key + ".sha256"))) {
            throw new IOException(resource + " is not the binary the build verified: SHA-256 " + digest);
        }
        if (!binary.toFile().setExecutable(true, true)) {
            throw new IOException("cannot make " + binary + " executable");
        }
        return binary;
    }

    /** Starts the sidecar serving on {@code address} (host:port). */
    public static Process start(Path binary, String address) throws IOException {
        return new ProcessBuilder(binary.toString(), "-listen", address)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Sidecar.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path: is the sidecar jar a dependency?");
        }
        return in;
    }
}
