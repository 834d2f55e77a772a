package io.github.staticgo.image;

import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.manifest.VerifyVerdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Linux binaries of build.json that verify passed and that are still what it passed
 * ({@link VerifyVerdicts}); any other Linux binary is refused, one line each.
 */
public final class VerifiedBinaries {
    private VerifiedBinaries() {}

    /**
     * @param binaryName only the binaries of this name (the file name without its platform suffix), or null for all
     */
    public static List<BuiltBinary> read(Path outputDirectory, Path reportFile, String binaryName)
            throws IOException, ImageException {
        if (BuildManifest.readIfPresent(outputDirectory).isEmpty()) {
            throw new ImageException("There is no " + BuildManifest.FILE_NAME + " in "
                    + outputDirectory + ": run static-go:build and static-go:verify before static-go:image "
                    + "(mvn verify).");
        }
        if (!Files.isRegularFile(reportFile)) {
            throw new ImageException("There is no verify report " + reportFile + ": static-go:image takes only "
                    + "binaries static-go:verify passed; run it first (bind both goals, verify before image).");
        }
        List<VerifyVerdicts.Verdict> linux = VerifyVerdicts.read(outputDirectory, reportFile).stream()
                .filter(verdict -> verdict.binary().goos().equals("linux"))
                .filter(verdict ->
                        binaryName == null || verdict.binary().baseName().equals(binaryName))
                .toList();
        if (linux.isEmpty()) {
            throw new ImageException(
                    binaryName == null
                            ? "build.json lists no linux binary: add a linux target, e.g. <target>linux/amd64</target>."
                            : "<image><binary>: build.json lists no linux binary named " + binaryName + ".");
        }
        List<String> refused = linux.stream()
                .map(VerifyVerdicts.Verdict::refusal)
                .filter(Objects::nonNull)
                .toList();
        if (!refused.isEmpty()) {
            throw new ImageException("static-go:image takes only verified, unchanged binaries:" + System.lineSeparator()
                    + "  - " + String.join(System.lineSeparator() + "  - ", refused));
        }
        return linux.stream().map(VerifyVerdicts.Verdict::binary).toList();
    }
}
