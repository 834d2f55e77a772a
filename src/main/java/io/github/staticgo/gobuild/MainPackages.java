package io.github.staticgo.gobuild;

import com.google.gson.annotations.SerializedName;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static List<String> expand(GoToolchain go, List<String> packages)
            throws ConfigurationException, ToolchainException {
        List<String> patterns =
                packages.stream().filter(p -> p != null && p.contains("...")).toList();
        if (patterns.isEmpty()) {
            return packages;
        }
        List<String> arguments = new ArrayList<>(List.of("list", "-e", "-json=Name,Dir,Match", "--"));
        arguments.addAll(patterns);
        List<Listed> listed = go.queryJsonSequence(Listed.class, arguments, Map.of());
        Path module = go.moduleDirectory().toAbsolutePath().normalize();
        Set<String> expanded = new LinkedHashSet<>();
        for (String entry : packages) {
            if (entry == null || !entry.contains("...")) {
                expanded.add(entry);
                continue;
            }
            List<String> mains = listed.stream()
                    .filter(p -> "main".equals(p.name())
                            && p.match() != null
                            && p.match().contains(entry))
                    .map(p -> asWritten(module, Path.of(p.dir())))
                    .toList();
            if (mains.isEmpty()) {
                throw new ConfigurationException(
                        "packages",
                        "'" + entry + "' matches no main package of the module: name a pattern that covers a"
                                + " package main, e.g. ./cmd/..., or the package itself.");
            }
            expanded.addAll(mains);
        }
        return List.copyOf(expanded);
    }

    private static String asWritten(Path module, Path dir) {
        Path relative = module.relativize(dir.toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : "./" + relative.toString().replace('\\', '/');
    }
}
