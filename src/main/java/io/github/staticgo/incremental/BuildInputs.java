package io.github.staticgo.incremental;

import com.google.gson.annotations.SerializedName;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files every target of one module reads, as one digest: the module's files (go.mod, go.sum,
 * vendor/ and embedded files included), directories named by local replace directives, go.work with
 * the modules it uses, and go's own environment file. Go's parsers read go.mod and go.work
 * ({@code go mod edit -json}, {@code go work edit -json}), so no directive is missed.
 */
public final class BuildInputs {
    private BuildInputs() {}

    private record ModulePath(
            @SerializedName("Path") String path,
            @SerializedName("Version") String version,
            @SerializedName("DiskPath") String diskPath) {}

    private record Replacement(
            @SerializedName("Old") ModulePath replaced,
            @SerializedName("New") ModulePath replacement) {}

    private record ModFile(
            @SerializedName("Require") List<ModulePath> require,
            @SerializedName("Replace") List<Replacement> replace,
            @SerializedName("Use") List<ModulePath> use) {}

    /**
     * @param excluded directories inside the module that are not inputs (the output directory, Maven's target/)
     */
    public static String digest(GoToolchain go, Path moduleDirectory, Set<Path> excluded, SourceDigests digests)
            throws ToolchainException, IOException {
        List<String> parts = new ArrayList<>();
        parts.add("module " + digests.tree(moduleDirectory, excluded));
        ModFile module = go.queryJson(ModFile.class, "mod", "edit", "-json");
        for (Path replaced : localReplacements(moduleDirectory, module, requiredPaths(module))) {
            parts.add("replace " + replaced + " " + digests.tree(replaced, excluded));
        }
        if (go.envFile().isPresent()) {
            parts.add("goenv " + digests.file(go.envFile().get()));
        }
        if (go.workFile().isPresent()) {
            Path workFile = go.workFile().get();
            parts.add("go.work " + digests.file(workFile));
            ModFile work = go.queryJson(ModFile.class, "work", "edit", "-json", workFile.toString());
            for (ModulePath use : work.use() == null ? List.<ModulePath>of() : work.use()) {
                Path used = workFile.getParent().resolve(use.diskPath()).normalize();
                parts.add("use " + used + " " + digests.tree(used, excluded));
            }
            // Which workspace module requires what is not known here; a replaced module directory still counts.
            for (Path replaced : localReplacements(workFile.getParent(), work, null)) {
                parts.add("replace " + replaced + " " + digests.tree(replaced, excluded));
            }
        }
        return SourceDigests.sha256(String.join("\n", parts));
    }

    private static Set<String> requiredPaths(ModFile module) {
        Set<String> paths = new HashSet<>();
        (module.require() == null ? List.<ModulePath>of() : module.require()).forEach(m -> paths.add(m.path()));
        return paths;
    }

    /**
     * Replacements by a directory (no version) rather than by another module version, that go can read
     * for this build: the directory holds a go.mod (go refuses one without), and the replaced module is
     * required ({@code required} null: not known, so any). So a replace that names a directory nothing uses,
     * or one that is not a module ({@code => ../../etc}, {@code => /}), is never walked.
     */
    private static List<Path> localReplacements(Path base, ModFile file, Set<String> required) {
        List<Path> directories = new ArrayList<>();
        for (Replacement replace : file.replace() == null ? List.<Replacement>of() : file.replace()) {
            ModulePath target = replace.replacement();
            if (target == null || target.version() != null && !target.version().isEmpty()) {
                continue;
            }
            Path directory = base.resolve(target.path()).normalize();
            boolean used = required == null
                    || replace.replaced() != null
                            && required.contains(replace.replaced().path());
            if (used && Files.isRegularFile(directory.resolve("go.mod"))) {
                directories.add(directory);
            }
        }
        return directories;
    }
}
