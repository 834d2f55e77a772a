package io.github.staticgo.toolchain.provision;

import java.nio.file.Path;

/**
 * A verified Go toolchain in the cache.
 *
 * @param goRoot the toolchain's GOROOT
 * @param goExecutable its bin/go
 * @param origin where it came from and how it was verified, for the log
 */
public record ProvisionedToolchain(Path goRoot, Path goExecutable, String origin) {}
