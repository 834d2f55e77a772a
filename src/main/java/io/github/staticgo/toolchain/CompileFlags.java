package io.github.staticgo.toolchain;

import io.github.staticgo.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The go flags that change how packages are compiled, which go build and go test must share for go's
 * build cache to serve the packages one compiled to the other: with {@code -trimpath} on one side only,
 * go test compiles every dependency again.
 *
 * @param gcflags passed as {@code -gcflags}, or null
 * @param asmflags passed as {@code -asmflags}, or null
 */
public record CompileFlags(boolean trimpath, String gcflags, String asmflags) {
    /** The pom's defaults: -trimpath, no compiler or assembler flags. */
    public static final CompileFlags DEFAULTS = new CompileFlags(true, null, null);

    /** The go arguments, each flag list checked for balanced quotes and named by its pom element. */
    public List<String> arguments() throws ConfigurationException {
        List<String> arguments = new ArrayList<>();
        if (trimpath) {
            arguments.add("-trimpath");
        }
        addFlagList(arguments, "gcflags", gcflags);
        addFlagList(arguments, "asmflags", asmflags);
        return arguments;
    }

    private static void addFlagList(List<String> arguments, String name, String flags) throws ConfigurationException {
        if (flags != null && !flags.isBlank()) {
            GoFlagQuoting.split(flags, name);
            arguments.add("-" + name + "=" + flags.trim());
        }
    }
}
