package io.github.staticgo.toolchain;

import io.github.staticgo.SafeFiles;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Go command-line tool at a pinned version, obtained the way go obtains tools: {@code go install
 * <package>@<version>}, which fetches the module through the configured proxy (none when Maven is offline)
 * and checks it against the checksum database, into a directory of its own per version. Installed once,
 * then reused; a tool is moved into place whole, so a reader never runs half of one.
 */
public final class GoTool {
    private GoTool() {}

    /**
     * The tool's executable, installing it first when it is not there yet.
     *
     * @param packagePath the command's package, e.g. {@code golang.org/x/vuln/cmd/govulncheck}
     * @param version the module version to install, e.g. {@code v1.1.4}
     * @param toolsDirectory where installed tools are kept, one directory per tool and version
     */
    public static Path installed(
            GoToolchain go, String packagePath, String version, Path toolsDirectory, Duration timeout)
            throws ToolchainException, IOException {
        String name = packagePath.substring(packagePath.lastIndexOf('/') + 1);
        Path home = toolsDirectory.resolve(name).resolve(version);
        Path executable = home.resolve(name);
        if (Files.isExecutable(executable)) {
            return executable;
        }
        Files.createDirectories(home);
        Path scratch = home.resolve(".install-" + UUID.randomUUID());
        try {
            Files.createDirectories(scratch);
            String target = packagePath + "@" + version;
            ProcessResult result;
            try {
                result = go.runner()
                        .run(
                                go.command(List.of("install", target), Map.of("GOBIN", scratch.toString()), timeout),
                                line -> {});
            } catch (ProcessFailedException e) {
                throw new ToolchainException("go install " + target + " failed: " + e.getMessage());
            }
            if (!result.succeeded()) {
                throw new ToolchainException("go install " + target + " failed (with Maven offline, go may only use "
                        + "its module cache): " + result.failureText());
            }
            // Two builds installing the same version at once both move the same tool into place.
            Files.move(scratch.resolve(name), executable, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            SafeFiles.deleteTree(scratch);
        }
        return executable;
    }
}
