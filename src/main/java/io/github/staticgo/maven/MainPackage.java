package io.github.staticgo.maven;

import io.github.staticgo.gobuild.PackageDeclaration;
import io.github.staticgo.smoke.SmokeOptions;

/**
 * A {@code <package>} of {@code <packages>}: the short form {@code <package>./cmd/server</package>}, or
 * the long form with {@code <path>} and the binary's own {@code <name>}, {@code <ldflags>} and
 * {@code <smoke>} settings. Maven fills it through the setters; the build reads its path, name and link
 * flags, verify its smoke settings.
 */
public class MainPackage {
    private String path;
    private String name;
    private String ldflags;
    /** Field-injected: Maven takes the element's type from the field. */
    private SmokeOptionsElement smoke;

    /** The short form: Maven passes the element's text here. */
    public void set(String path) {
        this.path = path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setLdflags(String ldflags) {
        this.ldflags = ldflags;
    }

    PackageDeclaration toDeclaration() {
        return new PackageDeclaration(path, name, ldflags);
    }

    /** The path as build.json records it for a package declared on its own. */
    String path() {
        return path == null ? null : path.strip();
    }

    /** Its own smoke settings, or null when it has none. */
    SmokeOptions smokeOptions() {
        return smoke == null ? null : smoke.toOptions();
    }
}
