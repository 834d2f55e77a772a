package io.github.staticgo.upx;

import io.github.staticgo.platform.PlatformOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Installs the UPX test double ({@code upx-double.sh} in the test resources) as an executable named
 * {@code upx} in a directory of its own. It is NOT UPX: it writes the {@code -o} file with UPX's marks
 * instead of compressing, and is told to fail by files beside it. See the script's header.
 */
public final class UpxDouble {
    final Path directory;
    public final Path executable;

    private UpxDouble(Path directory) {
        this.directory = directory;
        this.executable = directory.resolve("upx");
    }

    /**
     * A compress request that packs every binary of {@code out}'s build.json with this double, UPX on
     * and nothing else set, keeping the originals in {@code out/unpacked}.
     */
    public CompressRequest packEverything(Path out) {
        return new CompressRequest(
                out,
                out.resolve("unpacked"),
                new UpxOptions(true, null, null, null, null, null),
                PlatformOverrides.none(),
                null,
                executable,
                false,
                false,
                Duration.ofMinutes(1),
                null,
                System.getenv());
    }

    public static UpxDouble installIn(Path directory) throws IOException {
        Files.createDirectories(directory);
        UpxDouble upx = new UpxDouble(directory);
        try (InputStream script = UpxDouble.class.getResourceAsStream("upx-double.sh")) {
            Files.write(upx.executable, script.readAllBytes());
        }
        if (!upx.executable.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + upx.executable + " executable");
        }
        return upx;
    }

    /** The next pack exits 1 with a CantPackException line, as UPX does for a file it refuses. */
    UpxDouble failPacking() throws IOException {
        return flag("fail-pack");
    }

    /** The next {@code -t} exits 2, as UPX does for a corrupt packed file. */
    UpxDouble failTesting() throws IOException {
        return flag("fail-test");
    }

    /** Packing exits 0 but writes no file. */
    UpxDouble writeNothing() throws IOException {
        return flag("no-output");
    }

    private UpxDouble flag(String name) throws IOException {
        Files.writeString(directory.resolve(name), "");
        return this;
    }

    /** Every call so far, each as its argument list. */
    List<List<String>> calls() throws IOException {
        Path log = directory.resolve("calls.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream()
                .map(line -> Arrays.asList(line.split("\\|", -1)))
                .toList();
    }

    /** The calls that packed (not --version, not -t). */
    List<List<String>> packCalls() throws IOException {
        return calls().stream().filter(c -> c.contains("-o")).toList();
    }
}
