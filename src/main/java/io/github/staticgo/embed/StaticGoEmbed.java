package io.github.staticgo.embed;

import io.github.staticgo.SafeFiles;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.manifest.VerifyVerdicts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The embed goal without Maven: puts the verified binaries of build.json, and nothing else of the build's
 * output, into a class-path directory Maven then packages, under one stable layout:
 * {@code <prefix>/<name>/<os>-<arch>[-<variant>]/<name>[.exe]}, with {@code <prefix>/index.properties}
 * saying what is there. A Java program finds its platform's binary from the index alone, with the JDK
 * (java.util.Properties), and checks it against the recorded SHA-256.
 */
public final class StaticGoEmbed {
    /** Where the layout starts below the class-path directory. */
    public static final String DEFAULT_PREFIX = "META-INF/static-go";

    public static final String INDEX = "index.properties";

    private StaticGoEmbed() {}

    /**
     * @param outputDirectory the build goal's output directory, with build.json
     * @param verifyReport verify-report.json of the verify run that came before
     * @param classesDirectory the directory Maven packages (the project's output classes)
     * @param prefix the layout's directory below {@code classesDirectory}
     */
    public record EmbedRequest(Path outputDirectory, Path verifyReport, Path classesDirectory, String prefix) {}

    /** One binary embedded: its class-path resource. */
    public record Embedded(BuiltBinary binary, String resource) {}

    /**
     * Replaces the layout directory with the binaries and their index, written beside it first and moved into
     * place at once, so a binary a former build embedded and this one did not never stays behind.
     *
     * @throws EmbedException when there is nothing verified to embed, or a binary is not verified as it is now
     */
    public static List<Embedded> embed(EmbedRequest request) throws IOException, EmbedException {
        List<VerifyVerdicts.Verdict> verdicts = VerifyVerdicts.read(request.outputDirectory(), request.verifyReport());
        if (verdicts.isEmpty()) {
            throw new EmbedException("There is no build.json in " + request.outputDirectory()
                    + ": run static-go:build, then static-go:verify, before static-go:embed.");
        }
        List<String> refused = verdicts.stream()
                .map(VerifyVerdicts.Verdict::refusal)
                .filter(Objects::nonNull)
                .toList();
        if (!refused.isEmpty()) {
            throw new EmbedException("static-go:embed takes only verified, unchanged binaries (bind static-go:verify"
                    + " before it, e.g. both in prepare-package):" + System.lineSeparator() + "  - "
                    + String.join(System.lineSeparator() + "  - ", refused));
        }
        Path target = request.classesDirectory().resolve(request.prefix()).normalize();
        Files.createDirectories(target.getParent());
        Path scratch = Files.createTempDirectory(target.getParent(), ".embedding-");
        try {
            List<Embedded> embedded = new ArrayList<>();
            TreeMap<String, String> index = new TreeMap<>();
            for (VerifyVerdicts.Verdict verdict : verdicts) {
                BuiltBinary binary = verdict.binary();
                String platform = binary.platform().classifier();
                String fileName = binary.baseName() + (binary.goos().equals("windows") ? ".exe" : "");
                String relative = binary.baseName() + "/" + platform + "/" + fileName;
                Path copy = scratch.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(verdict.file(), copy, StandardCopyOption.COPY_ATTRIBUTES);
                String key = binary.baseName() + "." + platform;
                index.put(key + ".path", request.prefix() + "/" + relative);
                index.put(key + ".sha256", binary.sha256());
                index.put(key + ".size", Long.toString(binary.size()));
                index.put(key + ".target", binary.target());
                embedded.add(new Embedded(binary, request.prefix() + "/" + relative));
            }
            writeIndex(scratch.resolve(INDEX), index);
            SafeFiles.deleteTree(target);
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            return List.copyOf(embedded);
        } finally {
            SafeFiles.deleteTree(scratch);
        }
    }

    /**
     * Sorted keys and no date comment, so two builds of the same binaries give the same bytes (Properties.store
     * writes neither on Java 17); each line escaped by Properties itself.
     */
    private static void writeIndex(Path file, TreeMap<String, String> index) throws IOException {
        StringBuilder text =
                new StringBuilder("# static-go:embed: <name>.<os>-<arch>[-<variant>].{path,sha256,size,target}\n");
        for (var entry : index.entrySet()) {
            Properties line = new Properties();
            line.setProperty(entry.getKey(), entry.getValue());
            StringWriter written = new StringWriter();
            line.store(written, null);
            written.toString()
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .forEach(l -> text.append(l).append('\n'));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
