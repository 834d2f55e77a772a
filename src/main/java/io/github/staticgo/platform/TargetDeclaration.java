package io.github.staticgo.platform;

import java.util.List;
import java.util.Map;

/**
 * A target as written in the pom, before it is checked: {@code platform} is "os/arch[/variant]" and
 * every other field may be null, meaning "the global setting".
 */
public record TargetDeclaration(
        String platform,
        String cgo,
        String cc,
        Map<String, String> env,
        String ldflags,
        List<String> tags,
        String buildMode) {

    public TargetDeclaration {
        env = env == null ? Map.of() : Map.copyOf(env);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static TargetDeclaration of(String platform) {
        return new TargetDeclaration(platform, null, null, null, null, null, null);
    }
}
