package io.github.staticgo.platform;

import java.util.ArrayList;
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

    /**
     * Targets as a property lists them, comma-separated. A variant may hold commas itself (GOARM64's
     * {@code v8.2,lse}): a piece without a {@code /} names no platform, so it belongs to the target before
     * it. {@code linux/arm64/v8.2,lse,linux/amd64} is two targets.
     */
    public static List<TargetDeclaration> listed(String targets) {
        List<String> platforms = new ArrayList<>();
        for (String piece : targets.split(",")) {
            String trimmed = piece.trim();
            if (!trimmed.contains("/") && !platforms.isEmpty() && !trimmed.isEmpty()) {
                platforms.set(platforms.size() - 1, platforms.get(platforms.size() - 1) + "," + trimmed);
            } else {
                platforms.add(trimmed);
            }
        }
        return platforms.stream().map(TargetDeclaration::of).toList();
    }

    public static TargetDeclaration of(String platform) {
        return new TargetDeclaration(platform, null, null, null, null, null, null);
    }
}
