package io.github.staticgo.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files every target of one module reads, as one digest: the module's files (go.mod, go.sum,
 * vendor/ and embedded files included), directories named by local replace directives, go.work with
 * the modules it uses, and go's own environment file. Go's parsers read go.mod and go.work
 * ({@code go mod edit -json}, {@code go work edit -json}), so no directive is missed.
 */
final class BuildInputs {
    private BuildInputs() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record GoEnv(@JsonProperty("GOWORK") String goWork, @JsonProperty("GOENV") String goEnv) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ModulePath(@JsonProperty("Path") String path, @JsonProperty("Version") String version,
            @JsonProperty("DiskPath") String diskPath) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Replacement(@JsonProperty("New") ModulePath replacement) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ModFile(@JsonProperty("Replace") List<Replacement> replace, @JsonProperty("Use") List<ModulePath> use) {}

    /**
     * @param excluded directories inside the module that are not inputs (the output directory, Maven's target/)
     */
    static String digest(GoToolchain go, Path moduleDirectory, Set<Path> excluded, SourceDigests digests)
            throws ToolchainException, IOException {
        List<String> parts = new ArrayList<>();
        parts.add("module " + digests.tree(moduleDirectory, excluded));
        for (Path replaced : localReplacements(moduleDirectory, go.query("mod", "edit", "-json"))) {
            parts.add("replace " + replaced + " " + digests.tree(replaced, excluded));
        }
        GoEnv env = GoToolchain.parse(go.query("env", "-json", "GOWORK", "GOENV"), new TypeReference<GoEnv>() {});
        if (env.goEnv() != null && !env.goEnv().isEmpty() && !"off".equals(env.goEnv())) {
            parts.add("goenv " + digests.file(Path.of(env.goEnv())));
        }
        if (env.goWork() != null && !env.goWork().isEmpty() && !"off".equals(env.goWork())) {
            Path workFile = Path.of(env.goWork());
            parts.add("go.work " + digests.file(workFile));
            String workJson = go.query("work", "edit", "-json", workFile.toString());
            ModFile work = GoToolchain.parse(workJson, new TypeReference<ModFile>() {});
            for (ModulePath use : work.use() == null ? List.<ModulePath>of() : work.use()) {
                Path used = workFile.getParent().resolve(use.diskPath()).normalize();
                parts.add("use " + used + " " + digests.tree(used, excluded));
            }
            for (Path replaced : localReplacements(workFile.getParent(), workJson)) {
                parts.add("replace " + replaced + " " + digests.tree(replaced, excluded));
            }
        }
        return SourceDigests.sha256(String.join("\n", parts));
    }

    /** Replacements by a directory (no version) rather than by another module version. */
    private static List<Path> localReplacements(Path base, String editJson) throws ToolchainException {
        ModFile file = GoToolchain.parse(editJson, new TypeReference<ModFile>() {});
        List<Path> directories = new ArrayList<>();
        for (Replacement replace : file.replace() == null ? List.<Replacement>of() : file.replace()) {
            ModulePath target = replace.replacement();
            if (target != null && (target.version() == null || target.version().isEmpty())) {
                directories.add(base.resolve(target.path()).normalize());
            }
        }
        return directories;
    }
}
