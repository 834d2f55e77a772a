package io.github.staticgo.binary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The build information the Go linker embeds in every binary it produces, as
 * {@code go version -m} prints it.
 *
 * @param goVersion the toolchain that built the binary, such as {@code go1.26.8}
 * @param path      the main package path, or null when the binary was not built in module mode
 * @param main      the main module, or null when absent
 * @param deps      the dependency modules, in file order
 * @param settings  the build settings in file order ({@code CGO_ENABLED}, {@code GOOS},
 *                  {@code GOARCH}, {@code GOAMD64}/{@code GOARM}/..., {@code -tags},
 *                  {@code -ldflags}, {@code -trimpath}, {@code vcs.*}); a key repeated in the
 *                  file keeps its first position and its last value
 */
public record GoBuildInfo(String goVersion, String path, Module main, List<Module> deps, Map<String, String> settings) {

    /**
     * A module line of the build information.
     *
     * @param path    the module path
     * @param version the module version, such as {@code v1.2.3} or {@code (devel)}
     * @param sum     the go.sum hash, or null when absent
     * @param replace the module that replaced this one, or null
     */
    public record Module(String path, String version, String sum, Module replace) {
        public Module {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
        }
    }

    public GoBuildInfo {
        Objects.requireNonNull(goVersion, "goVersion");
        deps = List.copyOf(deps);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The value of one build setting, or null when the binary does not record it. */
    public String setting(String key) {
        return settings.get(key);
    }

    /**
     * Whether cgo was enabled, from {@code CGO_ENABLED}: true for {@code 1}, false for
     * {@code 0}, null when the setting is absent.
     */
    public Boolean cgoEnabled() {
        String value = settings.get("CGO_ENABLED");
        if (value == null) {
            return null;
        }
        return "1".equals(value);
    }
}
