package io.github.staticgo.incremental;

import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks go which files the main packages of one target are built from: one {@code go list -deps} over
 * all of them, with the target's environment and the build flags that choose files. Packages of the
 * standard library and of the module cache are left out: go.mod and go.sum (which are inputs) pin the
 * module versions, the go version pins the standard library, and go verifies the cache.
 */
public final class PackageInputs {
    /** The go build flags that change which files go reads; the others do not change the file set. */
    private static final List<String> FILE_CHOOSING_FLAGS =
            List.of("-tags=", "-mod=", "-modfile=", "-overlay=", "-pgo=");

    private PackageInputs() {}

    /**
     * @param packages the main packages as the pom names them (go's command-line patterns)
     * @param environment the target's variables (GOOS, GOARCH, CGO_ENABLED, CC, GOWORK, ...)
     * @param buildArguments the target's go build arguments, of which the file-choosing flags are passed on
     * @return each package's inputs, by the name the pom gave it
     */
    public static Map<String, InputSet> list(
            GoToolchain go,
            List<String> packages,
            Map<String, String> environment,
            List<String> buildArguments,
            SourceDigests digests)
            throws ToolchainException, IOException {
        List<String> arguments = new ArrayList<>(List.of("list", "-e", "-deps", "-json=" + ListedPackage.FIELDS));
        List<Path> flagFiles = new ArrayList<>();
        for (String argument : buildArguments) {
            if (FILE_CHOOSING_FLAGS.stream().anyMatch(argument::startsWith)) {
                arguments.add(argument);
                if (argument.startsWith("-overlay=") || argument.startsWith("-modfile=")) {
                    flagFiles.add(go.moduleDirectory().resolve(argument.substring(argument.indexOf('=') + 1)));
                }
            }
        }
        arguments.add("--");
        arguments.addAll(packages);
        Map<String, ListedPackage> byImportPath = new HashMap<>();
        Map<String, ListedPackage> rootsByPattern = new HashMap<>();
        for (ListedPackage listed : go.queryJsonSequence(ListedPackage.class, arguments, environment)) {
            byImportPath.put(listed.importPath(), listed);
            if (!listed.depOnly() && listed.match() != null) {
                listed.match().forEach(pattern -> rootsByPattern.put(pattern, listed));
            }
        }
        Optional<Path> workFile = "off".equals(environment.get("GOWORK")) ? Optional.empty() : go.workFile();
        Map<String, InputSet> inputs = new LinkedHashMap<>();
        for (String pattern : packages) {
            ListedPackage root = rootsByPattern.get(pattern);
            if (root == null) {
                throw new ToolchainException("go list printed no package for '" + pattern + "': " + go.executable()
                        + " is not a go" + " command that lists packages as go list -json does.");
            }
            List<ListedPackage> closure = new ArrayList<>(List.of(root));
            for (String dependency : root.dependencies()) {
                ListedPackage listed = byImportPath.get(dependency);
                if (listed != null) {
                    closure.add(listed);
                }
            }
            inputs.put(pattern, inputSet(closure, workFile, flagFiles, go.moduleCache(), digests));
        }
        return inputs;
    }

    private static InputSet inputSet(
            List<ListedPackage> packages,
            Optional<Path> workFile,
            List<Path> flagFiles,
            Optional<Path> moduleCache,
            SourceDigests digests)
            throws IOException {
        Set<Path> compiled = new LinkedHashSet<>(flagFiles);
        Set<Path> consulted = new LinkedHashSet<>();
        Set<Path> directories = new LinkedHashSet<>();
        Set<Path> trees = new HashSet<>();
        workFile.ifPresent(work -> {
            compiled.add(work);
            compiled.add(work.resolveSibling("go.work.sum"));
        });
        for (ListedPackage listed : packages) {
            if (listed.standard() || listed.dir() == null || inCache(Path.of(listed.dir()), moduleCache)) {
                continue;
            }
            Path dir = Path.of(listed.dir());
            listed.compiledFiles().forEach(file -> compiled.add(dir.resolve(file)));
            listed.consultedFiles().forEach(file -> consulted.add(dir.resolve(file)));
            directories.add(dir);
            if (listed.embeds()) {
                trees.add(dir);
            }
            ListedPackage.Module module = listed.module();
            if (module != null && module.replace() != null) {
                module = module.replace();
            }
            if (module != null && module.goMod() != null && !inCache(Path.of(module.goMod()), moduleCache)) {
                Path goMod = Path.of(module.goMod());
                compiled.add(goMod);
                compiled.add(goMod.resolveSibling("go.sum"));
                if (module.main()) {
                    compiled.add(goMod.resolveSibling("vendor").resolve("modules.txt"));
                }
            }
        }
        if (packages.get(0).dir() != null) { // go build -pgo=auto reads default.pgo beside the main package
            compiled.add(Path.of(packages.get(0).dir()).resolve("default.pgo"));
        }
        return InputSet.of(compiled, consulted, directories, trees, digests);
    }

    private static boolean inCache(Path path, Optional<Path> moduleCache) {
        return moduleCache.isPresent() && path.toAbsolutePath().normalize().startsWith(moduleCache.get());
    }
}
