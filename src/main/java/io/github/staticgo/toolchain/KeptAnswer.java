package io.github.staticgo.toolchain;

import io.github.staticgo.FileDigest;
import io.github.staticgo.FileStamp;
import io.github.staticgo.PropertiesFile;
import io.github.staticgo.process.SecretMasker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a go query printed, kept in a build's state directory so that a run with nothing changed starts
 * no go process: the go env that locates go, the go list that expands package patterns. The answer is
 * taken only for the same inputs, the things go reads for it, named by the caller: at least
 * {@link #goInputs}, and the files the answer itself names, compared by {@link FileStamp}, never read.
 * The inputs are kept as one digest, and an answer that carries credentials (a proxy URL with a password)
 * is not kept at all: the state directory is no place for secrets. The file is a {@link PropertiesFile}.
 */
final class KeptAnswer {
    private static final String INPUTS = "inputs";
    private static final String NAMED = "named.";
    private static final String LINE = "line.";

    private final Path file;
    private final String inputs;

    KeptAnswer(Path file, Map<String, String> inputs) {
        this.file = file;
        this.inputs = FileDigest.sha256(new TreeMap<>(inputs).toString());
    }

    /**
     * What every go query in a module reads besides its arguments: the go executable, the environment go
     * runs with, the module's go.mod (its go and toolchain lines can switch toolchains) and a go.work in the
     * module directory or any directory above it.
     */
    static Map<String, String> goInputs(Path executable, Map<String, String> environment, Path moduleDirectory) {
        Map<String, String> inputs = new TreeMap<>();
        Path real = real(executable);
        inputs.put("go executable", real + " " + FileStamp.of(real));
        environment.forEach((key, value) -> inputs.put("env " + key, value));
        Path module = moduleDirectory.toAbsolutePath().normalize();
        inputs.put("module directory", module.toString());
        inputs.put("go.mod", FileStamp.of(module.resolve("go.mod")));
        for (Path directory = module; directory != null; directory = directory.getParent()) {
            inputs.put("go.work in " + directory, FileStamp.of(directory.resolve("go.work")));
        }
        return inputs;
    }

    /** The kept answer, when it was given for the same inputs and the files it names are unchanged. */
    Optional<List<String>> lines() {
        Optional<Properties> kept = PropertiesFile.read(file); // absent or unreadable: go is asked again
        if (kept.isEmpty()
                || !inputs.equals(kept.get().getProperty(INPUTS))
                || FileStamp.firstChanged(PropertiesFile.list(kept.get(), NAMED))
                        .isPresent()) {
            return Optional.empty();
        }
        return Optional.of(PropertiesFile.list(kept.get(), LINE));
    }

    /** Keeps go's answer, with the files it names as they are now. */
    void keep(List<String> lines, List<Path> namedFiles) {
        if (lines.stream().anyMatch(line -> !SecretMasker.maskText(line).equals(line))) {
            return;
        }
        Properties kept = new Properties();
        kept.setProperty(INPUTS, inputs);
        PropertiesFile.putList(
                kept,
                NAMED,
                namedFiles.stream()
                        .map(named -> FileStamp.recorded(FileStamp.of(named), named))
                        .toList());
        PropertiesFile.putList(kept, LINE, lines);
        try {
            PropertiesFile.write(file, kept, "a go query's answer, kept for the same inputs");
        } catch (IOException notWritten) {
            // Only a speed-up for the next run.
        }
    }

    private static Path real(Path executable) {
        try {
            return executable.toRealPath();
        } catch (IOException unresolved) {
            return executable.toAbsolutePath();
        }
    }
}
