package io.github.staticgo.toolchain.provision;

/**
 * Whether and how go is provisioned when a toolchain is located.
 *
 * @param mode when to provision
 * @param request where from and where to; its Go version is null when the caller decides it (from
 *     {@code <goVersion>} or go.mod)
 */
public record Provisioning(ProvisionMode mode, ProvisionRequest request) {
    /** No provisioning: only an installed go is used. */
    public static Provisioning never() {
        return new Provisioning(ProvisionMode.NEVER, null);
    }
}
