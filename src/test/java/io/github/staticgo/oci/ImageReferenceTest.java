package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import org.junit.jupiter.api.Test;

/** Image names as the distribution spec's grammar allows them, and which registries count as loopback. */
class ImageReferenceTest {
    @Test
    void aNameSplitsIntoRegistryAndRepository() throws Exception {
        ImageReference reference = ImageReference.parse("127.0.0.1:5000/team/sidecar", "image.name");
        assertEquals("127.0.0.1:5000", reference.registry());
        assertEquals("team/sidecar", reference.repository());
        assertTrue(reference.loopback());
        assertTrue(ImageReference.parse("localhost:5000/a", "image.name").loopback());
        assertTrue(ImageReference.parse("[::1]:5000/a", "image.name").loopback());
        assertFalse(ImageReference.parse("registry.example.com/a", "image.name").loopback());
        assertFalse(
                ImageReference.parse("127.0.0.1.example.com/a", "image.name").loopback());
    }

    @Test
    void aNameWithoutRegistryOrWithCapitalsIsRefusedNamingTheElement() {
        ConfigurationException noRegistry =
                assertThrows(ConfigurationException.class, () -> ImageReference.parse("team/sidecar", "image.name"));
        assertEquals(
                "<image.name>: 'team/sidecar' names no registry: write registry-host[:port]/repository, e.g. "
                        + "registry.example.com/team/sidecar or 127.0.0.1:5000/sidecar.",
                noRegistry.getMessage());
        assertThrows(ConfigurationException.class, () -> ImageReference.parse("127.0.0.1:5000/Sidecar", "image.name"));
        ConfigurationException spaces = assertThrows(
                ConfigurationException.class, () -> ImageReference.parse("127.0.0.1:5000 -Dx=y/sidecar", "image.name"));
        assertEquals(
                "<image.name>: '127.0.0.1:5000 -Dx=y' is not a registry: write a host name or address and, if need "
                        + "be, a port, e.g. registry.example.com or 127.0.0.1:5000.",
                spaces.getMessage());
        assertThrows(ConfigurationException.class, () -> ImageReference.checkTag("-latest", "image.tags"));
    }
}
