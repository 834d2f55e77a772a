package io.github.staticgo.gobuild;

import io.github.staticgo.toolchain.CompileFlags;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The go build settings shared by every target.
 *
 * @param strip add {@code -s -w} to the link flags
 * @param ldflags link flags added after the plugin's own, or null
 * @param gcflags compiler flags, or null
 * @param asmflags assembler flags, or null
 * @param buildMode the -buildmode of targets that set none, or null to pass none (go's default: exe, pie on windows)
 * @param goFlags further go build arguments, passed as they are
 * @param buildVcs stamp VCS information into the binary; off by default because two checkouts of one
 *     commit would otherwise differ in vcs.modified and because git refuses repositories owned by
 *     another user, a common CI setup
 */
public record BuildSettings(
        boolean trimpath,
        boolean strip,
        String ldflags,
        List<String> tags,
        String gcflags,
        String asmflags,
        String buildMode,
        List<String> goFlags,
        Map<String, String> env,
        boolean buildVcs,
        Duration timeout) {

    public BuildSettings {
        tags = List.copyOf(tags);
        goFlags = List.copyOf(goFlags);
        env = Map.copyOf(env);
    }

    /** The flags go test must share with the build to reuse its compiled packages. */
    public CompileFlags compileFlags() {
        return new CompileFlags(trimpath, gcflags, asmflags);
    }
}
