package io.github.staticgo.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoVersionTest {
    @Test
    void readsReleasesAsGoVersionPrintsThem() {
        assertEquals(
                new GoVersion(1, 26, 8, "go1.26.8"),
                GoVersion.find("go version go1.26.8 linux/amd64").orElseThrow());
        assertEquals(
                new GoVersion(1, 21, 0, "go1.21"),
                GoVersion.find("go version go1.21 darwin/arm64").orElseThrow());
        assertEquals(
                new GoVersion(1, 23, 0, "go1.23rc1"),
                GoVersion.find("go version go1.23rc1 linux/amd64").orElseThrow());
        assertFalse(GoVersion.find("bash: go: command not found").isPresent());
    }

    @Test
    void ordersByNumberNotText() {
        assertTrue(GoVersion.find("go1.9").orElseThrow().compareTo(GoVersion.MINIMUM) < 0);
        assertTrue(GoVersion.find("go1.100.0").orElseThrow().compareTo(GoVersion.MINIMUM) > 0);
        assertTrue(GoVersion.find("go1.20.14").orElseThrow().compareTo(GoVersion.MINIMUM) < 0);
    }

    @Test
    void exactReleasesForGotoolchain() {
        assertTrue(GoVersion.isExactRelease("1.22.5"));
        assertTrue(GoVersion.isExactRelease("1.23rc1"));
        assertFalse(GoVersion.isExactRelease("1.x"));
        assertFalse(GoVersion.isExactRelease("go1.22.5"));
        assertFalse(GoVersion.isExactRelease("1.22.5; rm -rf /"));
    }
}
