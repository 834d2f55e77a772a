package io.github.staticgo.toolchain.provision;

import io.github.staticgo.toolchain.ToolchainException;

/** A Go toolchain could not be provisioned; the message names the element or setting to fix. */
public final class ProvisionException extends ToolchainException {
    public ProvisionException(String message) {
        super(message);
    }
}
