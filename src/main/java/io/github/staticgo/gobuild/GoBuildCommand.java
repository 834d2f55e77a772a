package io.github.staticgo.gobuild;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.platform.TargetSpec;
import io.github.staticgo.toolchain.GoFlagQuoting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The go build arguments and environment for one binary of one target. */
public final class GoBuildCommand {
    /** Makes a cgo binary fully static: go hands linking to the C compiler, which links with -static. */
    static final String MUSL_LINK_FLAGS = "-linkmode external -extldflags \"-static\"";
    /**
     * The same, stripped: -Wl,-s hands -s to the linker itself, for C compilers that drop go's own -s
     * (zig cc does; gcc and musl-gcc strip either way).
     */
    static final String MUSL_STRIPPED_LINK_FLAGS = "-linkmode external -extldflags \"-static -Wl,-s\"";

    private GoBuildCommand() {}

    public static List<String> arguments(BinaryOutput output, BuildSettings settings, Path outputFile)
            throws ConfigurationException {
        TargetSpec target = output.target();
        List<String> arguments = new ArrayList<>(List.of("build", "-o", outputFile.toString()));
        arguments.addAll(settings.compileFlags().arguments());
        arguments.add(settings.buildVcs() ? "-buildvcs=auto" : "-buildvcs=false");
        String buildMode = target.buildMode() != null ? target.buildMode() : settings.buildMode();
        if (buildMode != null) {
            arguments.add("-buildmode=" + buildMode);
        }
        arguments.add("-ldflags=" + ldflags(output, settings));
        String tags = String.join(",", target.buildTags(settings.tags()));
        if (!tags.isEmpty()) {
            arguments.add("-tags=" + tags);
        }
        arguments.addAll(settings.goFlags());
        arguments.add(output.goPackage());
        return arguments;
    }

    /** The variables that decide what is built; the toolchain's base environment sits under them. */
    public static Map<String, String> environment(TargetSpec target, BuildSettings settings) {
        return target.goEnvironment(settings.env());
    }

    /**
     * An empty Go build ID first (so a user's own -buildid still wins), then stripping, the musl
     * static link, the global, the target's and the package's own flags. Each part is checked for balanced
     * quotes.
     */
    static String ldflags(BinaryOutput output, BuildSettings settings) throws ConfigurationException {
        TargetSpec target = output.target();
        List<String> parts = new ArrayList<>(List.of("-buildid="));
        if (settings.strip()) {
            parts.add("-s -w");
        }
        if (target.cgo() == CgoMode.MUSL) {
            parts.add(settings.strip() ? MUSL_STRIPPED_LINK_FLAGS : MUSL_LINK_FLAGS);
        }
        addChecked(parts, settings.ldflags(), "ldflags");
        addChecked(parts, target.ldflags(), "targets><target><ldflags");
        addChecked(parts, output.ldflags(), "packages><package><ldflags");
        return String.join(" ", parts);
    }

    private static void addChecked(List<String> parts, String flags, String element) throws ConfigurationException {
        if (flags != null && !flags.isBlank()) {
            GoFlagQuoting.split(flags, element);
            parts.add(flags.trim());
        }
    }
}
