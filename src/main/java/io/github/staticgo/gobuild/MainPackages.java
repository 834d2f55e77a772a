package io.github.staticgo.gobuild;

import com.google.gson.annotations.SerializedName;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @return the declarations with every pattern replaced by the main packages it matches; a package
     *     that a pattern matches and that is also declared on its own keeps its own declaration
     */
    static List<PackageDeclaration> expand(GoToolchain go, List<PackageDeclaration> packages)
            throws ConfigurationException, ToolchainException {
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
        List<Listed> listed = List.of();
        if (!patterns.isEmpty()) {
            List<String> arguments = new ArrayList<>(List.of("list", "-e", "-json=Name,Dir,Match", "--"));
            arguments.addAll(patterns);
            listed = go.queryJsonSequence(Listed.class, arguments, Map.of());
        }
        Path module = go.moduleDirectory().toAbsolutePath().normalize();
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

    private static String asWritten(Path module, Path dir) {
        Path relative = module.relativize(dir.toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : "./" + relative.toString().replace('\\', '/');
    }
}
