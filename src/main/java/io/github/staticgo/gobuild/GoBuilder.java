package io.github.staticgo.gobuild;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.HumanSize;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.UnreadableFileException;
import io.github.staticgo.incremental.BuildState;
import io.github.staticgo.incremental.Fingerprint;
import io.github.staticgo.incremental.InputSet;
import io.github.staticgo.incremental.RunRecord;
import io.github.staticgo.incremental.SourceDigests;
import io.github.staticgo.incremental.WatchedFiles;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.manifest.OutputLock;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner.OutputLine;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.SecretMasker;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs go build once per binary that is not up to date, several at once. Each binary is written into
 * a fresh temporary directory next to its final place and renamed into place only after go
 * succeeded, so a failed or interrupted build never leaves a partial file under the final name; its
 * up-to-date record is written only after that.
 */
public final class GoBuilder {
    private final GoToolchain go;
    private final BuildLog log;

    public GoBuilder(GoToolchain go, BuildLog log) {
        this.go = go;
        this.log = log;
    }

    /**
     * @param lastRun forgotten before anything is decided, and kept again when every binary was up to date
     * @param watched where every file this run decides from is stamped
     * @return what this execution built; build.json then holds it merged with what other executions built
     */
    public BuildManifest build(BuildRequest request, RunRecord lastRun, WatchedFiles watched)
            throws GoBuildException, ConfigurationException, ToolchainException, IOException {
        for (BinaryOutput output : request.outputs()) {
            GoBuildCommand.arguments(output, request.settings(), output.file()); // rejects bad flags before any build
        }
        Files.createDirectories(request.outputDirectory());
        try (OutputLock lock = OutputLock.acquire(request.outputDirectory(), log)) {
            lock.sweepScratch();
            lastRun.forget();
            return buildLocked(request, lastRun, watched);
        }
    }

    private BuildManifest buildLocked(BuildRequest request, RunRecord lastRun, WatchedFiles watched)
            throws GoBuildException, ConfigurationException, ToolchainException, IOException {
        SourceDigests digests = SourceDigests.load(request.stateDirectory(), log, watched);
        BuildState state = new BuildState(request.stateDirectory(), log);
        ListedInputs inputs = new ListedInputs(go, request, digests);
        Optional<BuildManifest> earlier = earlierManifest(request.outputDirectory());
        Map<String, Path> packedOriginals = packedOriginals(earlier, request.outputDirectory());

        List<Callable<BuiltBinary>> tasks = new ArrayList<>();
        String[] upToDate = new String[request.outputs().size()];
        for (int i = 0; i < upToDate.length; i++) {
            BinaryOutput output = request.outputs().get(i);
            Path original = packedOriginals.get(output.file().getFileName().toString());
            int index = i;
            tasks.add(() -> buildOrReuse(
                    output,
                    request,
                    inputs,
                    digests,
                    state,
                    original,
                    line -> {
                        upToDate[index] = line;
                    },
                    watched));
        }
        try {
            BuildManifest built =
                    new BuildManifest(go.version().text(), ParallelBuilds.runAll(tasks, request.threads()));
            built.mergedInto(earlier, request.execution()).write(request.outputDirectory());
            watched.stamp(request.outputDirectory().resolve(BuildManifest.FILE_NAME));
            // A binary that was built left no line, and then watched keeps nothing.
            List<String> lines =
                    Arrays.stream(upToDate).filter(Objects::nonNull).toList();
            lastRun.keep(watched, new RunRecord.Outcome(lines, built.binaries()), log);
            return built;
        } finally {
            digests.save();
        }
    }

    /**
     * build.json as the last run left it; an unreadable one (cut short by a killed run, edited) is named in a
     * warning and taken as absent: every binary of this execution is written into a new one, and the other
     * executions add theirs again when they run.
     */
    private Optional<BuildManifest> earlierManifest(Path outputDirectory) throws IOException {
        try {
            return BuildManifest.readIfPresent(outputDirectory);
        } catch (UnreadableFileException e) {
            log.warn(e.getMessage() + ". It is written anew from this build.");
            return Optional.empty();
        }
    }

    /** The unpacked originals the compress goal kept, by the name of the binary it packed. */
    private static Map<String, Path> packedOriginals(Optional<BuildManifest> manifest, Path outputDirectory) {
        Map<String, Path> originals = new HashMap<>();
        for (BuiltBinary binary : manifest.map(BuildManifest::binaries).orElse(List.of())) {
            if (binary.packedWithOriginal()) {
                originals.put(
                        binary.file(), outputDirectory.resolve(binary.upx().unpackedFile()));
            }
        }
        return originals;
    }

    /**
     * @param packedOriginal compress's copy of this binary as built, or null when it was not packed
     * @param upToDate takes the line that says the binary is up to date
     */
    private BuiltBinary buildOrReuse(
            BinaryOutput output,
            BuildRequest request,
            ListedInputs inputs,
            SourceDigests digests,
            BuildState state,
            Path packedOriginal,
            Consumer<String> upToDate,
            WatchedFiles watched)
            throws GoBuildException, ConfigurationException, ToolchainException, IOException {
        Map<String, String> targetEnvironment = GoBuildCommand.environment(output.target(), request.settings());
        ProcessSpec finalCommand = go.command(
                GoBuildCommand.arguments(output, request.settings(), output.file()),
                targetEnvironment,
                request.settings().timeout());
        Map<String, String> facts = facts(output, finalCommand, request, watched);
        String label = String.format(
                Locale.ROOT,
                "%-16s %s  ",
                output.target().displayName(),
                output.file().getFileName());
        if (request.force()) {
            watched.notKept("the build was forced");
            log.info(label + "building: forced (static-go.force)");
        } else {
            BuildState.Verdict verdict = state.check(
                    output.file(),
                    facts,
                    digests,
                    () -> inputs.of(output),
                    packedOriginal,
                    file -> describe(file, request.moduleDirectory()));
            if (verdict.current().isPresent()) {
                String line = label + "up to date"
                        + (verdict.restored() ? " (the unpacked original is back in place for compress)" : "");
                if (verdict.restored()) {
                    watched.notKept("an unpacked original was put back");
                } else {
                    upToDate.accept(line);
                }
                log.info(line);
                return verdict.current().get();
            }
            log.info(label + "building: " + verdict.reason());
        }
        watched.notKept("a binary was built");
        state.forget(output.file());
        InputSet listed = inputs.of(output); // before go build: a file edited during the build counts as changed
        BuiltBinary built = buildOne(output, request, targetEnvironment);
        state.record(output.file(), facts, listed, built);
        return built;
    }

    /** A file of the module by its path in the module, any other by its absolute path. */
    private static String describe(String file, Path moduleDirectory) {
        Path path = Path.of(file);
        Path module = moduleDirectory.toAbsolutePath().normalize();
        return path.startsWith(module) ? module.relativize(path).toString() : file;
    }

    /**
     * Everything that decides the binary besides its files: plugin and Go, the module, the output time
     * stamp and the execution (which its manifest entry records), with the exact go command line and
     * environment and, for cgo, the C compiler.
     */
    private Map<String, String> facts(
            BinaryOutput output, ProcessSpec command, BuildRequest request, WatchedFiles watched) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("plugin version", String.valueOf(request.pluginVersion()));
        facts.put("go", go.executable() + " " + go.version());
        facts.put(
                "module directory",
                request.moduleDirectory().toAbsolutePath().normalize().toString());
        facts.put("outputTimestamp", String.valueOf(request.outputTimestamp()));
        facts.put("build execution", String.valueOf(request.execution()));
        return Fingerprint.of(facts, command, output.target().cgo() != CgoMode.OFF, watched);
    }

    private BuiltBinary buildOne(BinaryOutput output, BuildRequest request, Map<String, String> targetEnvironment)
            throws GoBuildException, ConfigurationException, IOException {
        Path scratch = Files.createTempDirectory(request.outputDirectory(), OutputLock.BUILDING_PREFIX);
        try {
            Path partial = scratch.resolve(output.file().getFileName());
            ProcessSpec command = go.command(
                    GoBuildCommand.arguments(output, request.settings(), partial),
                    targetEnvironment,
                    request.settings().timeout());
            String label = "[" + output.target().displayName() + "] ";
            log.debug(label + command.describe(command.environment()));
            ProcessResult result = run(command, label, output);
            if (!result.succeeded()) {
                throw new GoBuildException(
                        "go build of " + output.goPackage() + " for "
                                + output.target().displayName() + " failed: " + result.failureText(),
                        result.exitCode());
            }
            if (!Files.isRegularFile(partial)) {
                throw new GoBuildException(
                        "go build of " + output.goPackage() + " for "
                                + output.target().displayName()
                                + " exited 0 but wrote no binary: " + go.executable()
                                + " did not do what go build -o does."
                                + " Point <goExecutable> at the go command (or fix the wrapper in its place).",
                        0);
            }
            if (request.outputTimestamp() != null) {
                Files.setLastModifiedTime(partial, FileTime.from(request.outputTimestamp()));
            }
            Files.move(partial, output.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(output.file());
            log.info(String.format(
                    Locale.ROOT,
                    "%-16s %s  %s  %.1f s  %s",
                    output.target().displayName(),
                    output.file().getFileName(),
                    HumanSize.of(size),
                    result.elapsed().toMillis() / 1000.0,
                    command.describe(targetEnvironment)
                            .replace(
                                    partial.toString(),
                                    output.file().getFileName().toString())));
            return new BuiltBinary(
                    output.file().getFileName().toString(),
                    output.goPackage(),
                    output.target().goos(),
                    output.target().goarch(),
                    output.target().variant(),
                    output.target().builtVariant(),
                    output.target().cgo().pomName(),
                    request.settings().strip(),
                    output.classifier(),
                    size,
                    FileDigest.sha256(output.file()),
                    request.execution(),
                    null);
        } finally {
            SafeFiles.deleteTree(scratch);
        }
    }

    private ProcessResult run(ProcessSpec command, String label, BinaryOutput output) throws GoBuildException {
        try {
            return go.runner().run(command, line -> relay(label, line));
        } catch (ProcessFailedException e) {
            throw new GoBuildException(
                    "go build of " + output.goPackage() + " for "
                            + output.target().displayName() + ": " + SecretMasker.maskText(e.getMessage()),
                    e);
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
}
