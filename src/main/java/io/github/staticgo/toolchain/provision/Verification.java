package io.github.staticgo.toolchain.provision;

import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * How a downloaded toolchain zip is verified: against the checksum database GOSUMDB names, against a
 * hash pinned in the pom, or both; GOSUMDB=off without a pinned hash is refused, since then nothing
 * would vouch for what runs.
 *
 * @param key the checksum database's key, empty when GOSUMDB is off
 * @param ownAddress the database's URL when GOSUMDB gives one after the key
 */
record Verification(Optional<VerifierKey> key, Optional<URI> ownAddress) {
    static Verification of(ProvisionRequest request) throws ProvisionException {
        String setting = request.checksumDatabase() == null
                ? ""
                : request.checksumDatabase().trim();
        if (setting.equals("off")) {
            if (request.pinnedHash() == null) {
                throw new ProvisionException("<goToolchainHash>: GOSUMDB is off, so no checksum database vouches for "
                        + request.described() + ": pin its h1: hash in <goToolchainHash> (the h1: line go.sum or the"
                        + " checksum database holds for " + ToolchainProvisioner.TOOLCHAIN_MODULE + " "
                        + request.moduleVersion() + "), or turn GOSUMDB on.");
            }
            return new Verification(Optional.empty(), Optional.empty());
        }
        if (setting.isEmpty()) {
            throw new ProvisionException(
                    "<goSumDb>: no Go checksum database is configured to verify " + request.described()
                            + ": set GOSUMDB in the environment or <goSumDb> (what 'go env GOSUMDB' prints on a machine with Go"
                            + " is Go's default), or set GOSUMDB=off with <goToolchainHash>.");
        }
        String[] keyAndAddress = setting.split("\\s+", 2);
        VerifierKey key;
        try {
            key = keyAndAddress[0].contains("+")
                    ? VerifierKey.parse(keyAndAddress[0])
                    : VerifierKey.goDefaultNamed(keyAndAddress[0])
                            .orElseThrow(() -> new ChecksumDatabaseException("the checksum database '"
                                    + keyAndAddress[0] + "' is not Go's default, so its key must be given in full:"
                                    + " <name>+<hash>+<keydata>"));
        } catch (ChecksumDatabaseException e) {
            throw new ProvisionException("<goSumDb>/GOSUMDB: " + e.getMessage());
        }
        Optional<URI> address =
                keyAndAddress.length == 2 ? Optional.of(URI.create(keyAndAddress[1])) : Optional.empty();
        return new Verification(Optional.of(key), address);
    }

    /**
     * Checks the zip's hash; returns how it was verified, for the log and the cache's provenance.
     *
     * @throws ToolchainException naming what did not match
     */
    String check(
            ProvisionRequest request,
            String actual,
            ModuleProxyList.Proxy source,
            ModuleProxyList proxies,
            HttpTransfer http)
            throws ToolchainException {
        String what = request.described() + " downloaded from " + source.shown();
        if (request.pinnedHash() != null && !request.pinnedHash().equals(actual)) {
            throw new ProvisionException("<goToolchainHash>: " + what + " has hash " + actual + ", not the pinned "
                    + request.pinnedHash() + ": the download was altered, or the pin is for another version or host."
                    + " Nothing was installed.");
        }
        if (key.isEmpty()) {
            return "matching <goToolchainHash>";
        }
        ChecksumDatabase database;
        try {
            database = new ChecksumDatabase(
                    key.get(), ChecksumDatabase.locate(key.get(), ownAddress, proxies, http), http);
        } catch (IOException e) {
            throw new ChecksumDatabaseException(
                    "the checksum database " + key.get().name() + " could not be reached: " + e.getMessage()
                            + ". Check the network, or GOSUMDB.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while asking the checksum database "
                    + key.get().name());
        }
        ChecksumDatabase.VerifiedHash recorded =
                database.zipHash(ToolchainProvisioner.TOOLCHAIN_MODULE, request.moduleVersion());
        if (!recorded.zipHash().equals(actual)) {
            throw new ChecksumDatabaseException(what + " has hash " + actual + ", but the checksum database "
                    + database.shown() + " records " + recorded.zipHash()
                    + ": the download was altered or corrupted. Nothing was installed.");
        }
        return "as recorded by the checksum database " + database.shown() + " (record proven in its signed tree of "
                + recorded.treeSize() + " records)"
                + (request.pinnedHash() != null ? " and matching <goToolchainHash>" : "");
    }
}
