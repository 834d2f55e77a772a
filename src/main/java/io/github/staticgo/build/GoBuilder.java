package io.github.staticgo.build;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.HumanSize;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner.OutputLine;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.SecretMasker;
import io.github.staticgo.toolchain.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs go build once per binary. Each binary is written into a fresh temporary directory next to its
 * final place and renamed into place only after go succeeded, so a failed or interrupted build never
 * leaves a partial file under the final name.
 */
public final class GoBuilder {
    private final GoToolchain go;
    private final BuildLog log;

    public GoBuilder(GoToolchain go, BuildLog log) {
        this.go = go;
        this.log = log;
    }

    public BuildManifest build(BuildRequest request) throws GoBuildException, ConfigurationException, IOException {
        for (BinaryOutput output : request.outputs()) {
            GoBuildCommand.arguments(output, request.settings(), output.file()); // rejects bad flags before any build
        }
        Files.createDirectories(request.outputDirectory());
        List<BuiltBinary> built = new ArrayList<>();
        for (BinaryOutput output : request.outputs()) {
            built.add(buildOne(output, request));
        }
        BuildManifest manifest = new BuildManifest(go.version().text(), built);
        manifest.write(request.outputDirectory());
        return manifest;
    }

    private BuiltBinary buildOne(BinaryOutput output, BuildRequest request)
            throws GoBuildException, ConfigurationException, IOException {
        Path scratch = Files.createTempDirectory(request.outputDirectory(), ".building-");
        try {
            Path partial = scratch.resolve(output.file().getFileName());
            Map<String, String> targetEnvironment = GoBuildCommand.environment(output.target(), request.settings());
            ProcessSpec command = go.command(GoBuildCommand.arguments(output, request.settings(), partial),
                    targetEnvironment, request.settings().timeout());
            String label = "[" + output.target().displayName() + "] ";
            log.debug(label + command.describe(command.environment()));
            ProcessResult result = run(command, label, output);
            if (!result.succeeded()) {
                throw new GoBuildException("go build of " + output.goPackage() + " for " + output.target().displayName()
                        + " failed with exit code " + result.exitCode() + ":" + System.lineSeparator()
                        + SecretMasker.maskText(result.outputTailText()), result.exitCode());
            }
            if (request.outputTimestamp() != null) {
                Files.setLastModifiedTime(partial, FileTime.from(request.outputTimestamp()));
            }
            Files.move(partial, output.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(output.file());
            log.info(String.format(Locale.ROOT, "%-16s %s  %s  %.1f s  %s", output.target().displayName(),
                    output.file().getFileName(), HumanSize.of(size), result.elapsed().toMillis() / 1000.0,
                    command.describe(targetEnvironment).replace(partial.toString(), output.file().getFileName().toString())));
            return new BuiltBinary(output.file().getFileName().toString(), output.goPackage(), output.target().goos(),
                    output.target().goarch(), output.target().variant(), output.target().cgo().pomName(),
                    output.classifier(), size, FileDigest.sha256(output.file()));
        } finally {
            deleteRecursively(scratch);
        }
    }

    private ProcessResult run(ProcessSpec command, String label, BinaryOutput output) throws GoBuildException {
        try {
            return go.runner().run(command, line -> relay(label, line));
        } catch (ProcessFailedException e) {
            throw new GoBuildException("go build of " + output.goPackage() + " for " + output.target().displayName()
                    + ": " + SecretMasker.maskText(e.getMessage()), e);
        }
    }

    /** go writes progress ("go: downloading ...") and compile errors to stderr; neither is a Maven ERROR. */
    private void relay(String label, OutputLine line) {
        String text = SecretMasker.maskText(line.text());
        if (text.toLowerCase(Locale.ROOT).contains("warning")) {
            log.warn(label + text);
        } else {
            log.info(label + text);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
