package io.github.staticgo.upx;

import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upx program: where it is ({@code upxExecutable}, else {@code upx} on PATH), which version it is
 * ({@code upx --version}), and the explicit environment it runs with.
 */
public record UpxExecutable(Path path, String version, Map<String, String> environment, ProcessRunner runner) {
    /** The first line of {@code upx --version}: "upx 4.2.4", "upx 3.96-git-d7ba31cab8ce", "upx 5.0.0". */
    private static final Pattern VERSION = Pattern.compile("^upx\\s+(\\d+\\.\\d+(?:\\.\\d+)?\\S*)");

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(60);
    /**
     * What upx gets from the caller's environment: where programs and temporary files are. Not
     * {@code UPX}, which holds default options and would change the packed bytes behind the pom's back.
     */
    private static final List<String> INHERITED =
            List.of("PATH", "HOME", "TMPDIR", "TMP", "TEMP", "SystemRoot", "SYSTEMROOT");

    public UpxExecutable {
        environment = Map.copyOf(environment);
    }

    /**
     * Finds upx and reads its version.
     *
     * @param configured {@code upxExecutable}, or null to look for {@code upx} on PATH
     * @param callerEnvironment Maven's environment, from which only {@link #INHERITED} is passed on
     */
    public static UpxExecutable locate(Path configured, Map<String, String> callerEnvironment, ProcessRunner runner)
            throws UpxMissingException, UpxException {
        Map<String, String> environment = new HashMap<>();
        for (String name : INHERITED) {
            String value = callerEnvironment.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        Path path = find(configured, callerEnvironment.get("PATH"));
        ProcessSpec spec = new ProcessSpec(
                List.of(path.toString(), "--version"), workingDirectory(path), environment, VERSION_TIMEOUT);
        ProcessResult result;
        try {
            result = runner.run(spec, line -> {});
        } catch (ProcessFailedException e) {
            throw new UpxException("cannot run " + path + " --version: " + e.getMessage(), e);
        }
        String first = result.stdout().isEmpty() ? "" : result.stdout().get(0).trim();
        Matcher matcher = VERSION.matcher(first);
        if (!result.succeeded() || !matcher.find()) {
            throw new UpxException(path + " --version exited with " + result.exitCode() + " and did not print a UPX "
                    + "version (expected a first line such as 'upx 4.2.4'); is it UPX? Its output:"
                    + System.lineSeparator() + result.outputTailText());
        }
        return new UpxExecutable(path, matcher.group(1), environment, runner);
    }

    private static Path find(Path configured, String pathValue) throws UpxMissingException {
        if (configured != null) {
            Optional<Path> found = Executables.find(configured.toString(), pathValue);
            if (found.isEmpty()) {
                throw new UpxMissingException("<upxExecutable> " + configured + " is not an executable file. "
                        + "Correct the path, or leave <upxExecutable> out to use upx on PATH.");
            }
            return found.get();
        }
        return Executables.find("upx", pathValue)
                .orElseThrow(() -> new UpxMissingException(
                        "UPX is asked for but there is no upx on PATH. Install it (Debian/Ubuntu: apt-get install upx-ucl; "
                                + "Fedora: dnf install upx; macOS: brew install upx; Windows: choco install upx; or a release "
                                + "from https://upx.github.io), or set <upxExecutable>, or run with "
                                + "-Dstatic-go.upx.skipIfMissing=true to build unpacked binaries with a warning."));
    }

    static Path workingDirectory(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent)
                ? parent
                : Path.of(".").toAbsolutePath();
    }
}
