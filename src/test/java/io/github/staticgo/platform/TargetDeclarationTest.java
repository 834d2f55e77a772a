package io.github.staticgo.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetDeclarationTest {
    private static List<String> platforms(String property) {
        return TargetDeclaration.listed(property).stream()
                .map(TargetDeclaration::platform)
                .toList();
    }

    @Test
    void aCommaInsideAVariantDoesNotSplitItsTarget() {
        assertEquals(List.of("linux/amd64", "linux/arm64"), platforms("linux/amd64, linux/arm64"));
        assertEquals(List.of("linux/arm64/v8.2,lse", "linux/amd64"), platforms("linux/arm64/v8.2,lse,linux/amd64"));
        assertEquals(
                List.of("linux/arm64/v9.0,lse,crypto", "windows/amd64"),
                platforms("linux/arm64/v9.0,lse,crypto , windows/amd64"));
        // A stray word before any platform stays a target of its own, which the resolver then refuses by name.
        assertEquals(List.of("lse", "linux/amd64"), platforms("lse,linux/amd64"));
    }
}
