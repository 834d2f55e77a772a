package io.github.staticgo.toolchain.provision;

import io.github.staticgo.BuildLog;
import java.nio.file.Path;

/**
 * Provisions linux/amd64 go in a JVM of its own, for the test of two builds at once: arguments are the Go
 * version, the cache directory, GOPROXY and GOSUMDB.
 */
final class ProvisionInAnotherJvm {
    private ProvisionInAnotherJvm() {}

    public static void main(String[] args) throws Exception {
        new ToolchainProvisioner(BuildLog.silent())
                .provision(ProvisionRequest.builder(args[0], Path.of(args[1]))
                        .host("linux", "amd64")
                        .moduleProxy(args[2])
                        .checksumDatabase(args[3])
                        .build());
    }
}
