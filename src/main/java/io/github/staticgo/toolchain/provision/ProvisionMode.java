package io.github.staticgo.toolchain.provision;

import io.github.staticgo.ConfigurationException;
import java.util.Locale;

/** When the plugin provisions go itself, as {@code <goProvisioning>} says. */
public enum ProvisionMode {
    /** Only when no go is configured or found: {@code <goExecutable>}, $GOROOT/bin/go and PATH come first. */
    AUTO,
    /** Always, even when a go is installed: the build runs the provisioned, verified release. */
    ALWAYS,
    /** Never: without a go the build stops, as before provisioning existed. */
    NEVER;

    public static ProvisionMode of(String value) throws ConfigurationException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "goProvisioning", "'" + value + "' is not a provisioning mode: use auto, always or never.");
        }
    }
}
