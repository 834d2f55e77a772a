package io.github.staticgo.toolchain.provision;

import io.github.staticgo.toolchain.ToolchainException;

/** What the checksum database said, or how it was reached, cannot be trusted or used; the message says which. */
public final class ChecksumDatabaseException extends ToolchainException {
    public ChecksumDatabaseException(String message) {
        super(message);
    }
}
