package io.github.staticgo.gobuild;

/**
 * A main package as {@code <packages>} declares it: its path (or a pattern such as {@code ./cmd/...}),
 * and for a single package, optionally, its binary's own name and link flags.
 *
 * @param name the binary's base name, or null for the default (the package's last path element, or the
 *     artifactId for a single package)
 * @param ldflags link flags added after the global and the target's, or null
 */
public record PackageDeclaration(String path, String name, String ldflags) {
    /** The short form, {@code <package>./cmd/server</package>}. */
    public static PackageDeclaration of(String path) {
        return new PackageDeclaration(path, null, null);
    }

    boolean pattern() {
        return path != null && path.contains("...");
    }

    boolean settingsOfItsOwn() {
        return name != null || ldflags != null;
    }
}
