package io.github.staticgo.gobuild;

import com.google.gson.annotations.SerializedName;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.incremental.WatchedFiles;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Expands package patterns ({@code ./...}, {@code ./cmd/...}) to the main packages go matches, each
 * written as its directory in the module ({@code ./cmd/server}) so that it is named like one the pom
 * lists; other entries stay as written.
 */
final class MainPackages {
    private record Listed(
            @SerializedName("Name") String name,
            @SerializedName("Dir") String dir,
            @SerializedName("Match") List<String> match) {}

    private MainPackages() {}

    /**
     * @param keptFile where go list's answer is kept between runs: asked again only when a file or directory
     *     below a pattern's directory changed (or go, its environment, go.mod or go.work)
     * @param watched where the files and directories below each pattern's directory are stamped
     * @return the declarations with every pattern replaced by the main packages it matches; a package
     *     that a pattern matches and that is also declared on its own keeps its own declaration
     */
    static List<PackageDeclaration> expand(
            GoToolchain go, List<PackageDeclaration> packages, Path keptFile, WatchedFiles watched)
            throws ConfigurationException, ToolchainException, IOException {
        Map<String, PackageDeclaration> declared = new LinkedHashMap<>();
        for (PackageDeclaration declaration : packages) {
            if (declaration.pattern() && declaration.settingsOfItsOwn()) {
                throw new ConfigurationException(
                        "packages><package",
                        "'" + declaration.path() + "' is a pattern: a <name> or <ldflags> cannot apply to every"
                                + " package it matches. Declare the package it is for on its own.");
            }
            if (!declaration.pattern() && declaration.path() != null) {
                if (declared.put(declaration.path().strip(), declaration) != null) {
                    throw new ConfigurationException(
                            "packages",
                            "'" + declaration.path().strip()
                                    + "' is listed twice; merge its settings into one <package>.");
                }
            }
        }
        List<String> patterns = packages.stream()
                .filter(PackageDeclaration::pattern)
                .map(PackageDeclaration::path)
                .toList();
        Path module = go.moduleDirectory().toAbsolutePath().normalize();
        List<Listed> listed = List.of();
        if (!patterns.isEmpty()) {
            List<String> arguments = new ArrayList<>(List.of("list", "-e", "-json=Name,Dir,Match", "--"));
            arguments.addAll(patterns);
            Optional<Map<String, String>> layout = layoutBelow(module, patterns, watched);
            if (layout.isEmpty()) {
                watched.notKept("a package pattern is an import path, which go may match anywhere");
            }
            listed = layout.isPresent()
                    ? go.queryJsonSequence(Listed.class, arguments, keptFile, layout.get())
                    : go.queryJsonSequence(Listed.class, arguments, Map.of());
        }
        Map<String, PackageDeclaration> expanded = new LinkedHashMap<>();
        for (PackageDeclaration declaration : packages) {
            if (!declaration.pattern()) {
                String path =
                        declaration.path() == null ? null : declaration.path().strip();
                expanded.putIfAbsent(path, declaration);
                continue;
            }
            List<String> mains = listed.stream()
                    .filter(p -> "main".equals(p.name())
                            && p.match() != null
                            && p.match().contains(declaration.path()))
                    .map(p -> asWritten(module, Path.of(p.dir())))
                    .toList();
            if (mains.isEmpty()) {
                throw new ConfigurationException(
                        "packages",
                        "'" + declaration.path() + "' matches no main package of the module: name a pattern that"
                                + " covers a package main, e.g. ./cmd/..., or the package itself.");
            }
            mains.forEach(main -> expanded.putIfAbsent(main, declared.getOrDefault(main, PackageDeclaration.of(main))));
        }
        return List.copyOf(expanded.values());
    }

    /**
     * What go reads to match {@code patterns}: every directory below each pattern's fixed part and the
     * stamp of each Go file in it, leaving out what go leaves out ("." and "_" names, testdata, nested
     * modules, whose go.mod counts); empty when a pattern is not a relative path in the module (an import
     * path may match packages anywhere in the workspace, so its answer is not kept).
     */
    private static Optional<Map<String, String>> layoutBelow(Path module, List<String> patterns, WatchedFiles watched)
            throws IOException {
        Map<String, String> layout = new TreeMap<>();
        for (String pattern : patterns) {
            if (!pattern.startsWith("./")) {
                return Optional.empty();
            }
            String fixed = pattern.substring(0, pattern.indexOf("..."));
            Path root = module.resolve(fixed.substring(0, Math.max(fixed.lastIndexOf('/'), 0)))
                    .normalize();
            if (!root.startsWith(module)) {
                return Optional.empty();
            }
            if (!Files.isDirectory(root)) {
                layout.put(root.toString(), watched.stamp(root));
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    watched.saw(dir, attributes); // its time changes when a name in it comes or goes
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = String.valueOf(dir.getFileName());
                    if (name.startsWith(".") || name.startsWith("_") || name.equals("testdata")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path goMod = dir.resolve("go.mod");
                    boolean nested = Files.exists(goMod);
                    layout.put(dir + "/", nested ? "module " + watched.stamp(goMod) : "");
                    return nested ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".go")) {
                        layout.put(file.toString(), watched.stamp(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return Optional.of(layout);
    }

    private static String asWritten(Path module, Path dir) {
        Path relative = module.relativize(dir.toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : "./" + relative.toString().replace('\\', '/');
    }
}
