package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.staticgo.ConfigurationException;
import org.junit.jupiter.api.Test;

/** Base image references: a tag, a digest or both after the registry's port, and each mistake naming the element. */
class PullReferenceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void aTagADigestOrBothAfterTheRegistrysPort() throws Exception {
        PullReference tagged = PullReference.parse("127.0.0.1:5000/team/base:1.0", "image.base");
        assertEquals("127.0.0.1:5000", tagged.image().registry());
        assertEquals("team/base", tagged.image().repository());
        assertEquals("1.0", tagged.tag());
        assertNull(tagged.digest());
        assertEquals("1.0", tagged.reference());

        PullReference pinned = PullReference.parse("127.0.0.1:5000/base@" + DIGEST, "image.base");
        assertNull(pinned.tag());
        assertEquals(DIGEST, pinned.reference());

        PullReference both = PullReference.parse("127.0.0.1:5000/base:1.0@" + DIGEST, "image.base");
        assertEquals("1.0", both.tag());
        assertEquals(DIGEST, both.reference());
        assertEquals("127.0.0.1:5000/base:1.0@" + DIGEST, both.toString());
    }

    @Test
    void noTagOrDigestABadDigestAndNoRegistryAreRefused() {
        assertEquals(
                "<image.base>: '127.0.0.1:5000/base' names no tag or digest: write registry/repository:tag or "
                        + "registry/repository@sha256:<digest>.",
                assertThrows(
                                ConfigurationException.class,
                                () -> PullReference.parse("127.0.0.1:5000/base", "image.base"))
                        .getMessage());
        assertEquals(
                "<image.base>: 'sha256:abc' is not a digest: write registry/repository@sha256:<64 hex digits>.",
                assertThrows(
                                ConfigurationException.class,
                                () -> PullReference.parse("127.0.0.1:5000/base@sha256:abc", "image.base"))
                        .getMessage());
        assertEquals(
                "<image.base>: 'base' names no registry: write registry-host[:port]/repository, e.g. "
                        + "registry.example.com/team/sidecar or 127.0.0.1:5000/sidecar.",
                assertThrows(ConfigurationException.class, () -> PullReference.parse("base:1.0", "image.base"))
                        .getMessage());
    }
}
