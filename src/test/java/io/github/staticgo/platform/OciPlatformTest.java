package io.github.staticgo.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go targets as the OCI image-index spec's platform names them (os, architecture, variant). */
class OciPlatformTest {
    private static String oci(String target, String builtVariant) {
        return OciPlatform.of(GoPlatform.parse(target).orElseThrow(), builtVariant)
                .toString();
    }

    @Test
    void variantsAreOciVariants() {
        assertEquals("linux/arm/v7", oci("linux/arm", "7"));
        assertEquals("linux/arm/v6", oci("linux/arm/6", "6"));
        assertEquals("linux/arm/v7", oci("linux/arm/7,softfloat", "7,softfloat"));
        assertEquals("linux/arm64/v8", oci("linux/arm64", "v8.0"));
        assertEquals("linux/arm64/v9", oci("linux/arm64/v9.0", "v9.0"));
        assertEquals("linux/amd64", oci("linux/amd64", "v1"));
        assertEquals("linux/amd64/v3", oci("linux/amd64/v3", "v3"));
        assertEquals("linux/riscv64", oci("linux/riscv64", "rva20u64"));
        assertEquals("linux/ppc64le", oci("linux/ppc64le", "power8"));
    }
}
