package io.github.staticgo.toolchain.provision;

import io.github.staticgo.BuildLog;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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

    /** What the checksum database vouched for, and which database it was, for messages. */
    record Recorded(ChecksumDatabase.VerifiedHash hash, String database) {}

    /**
     * Starts asking the checksum database for the record of the toolchain (empty when GOSUMDB is off), on
     * a thread of its own: the lookup and its proofs need no zip, so they run while the zip downloads.
     *
     * @param cache the toolchain cache, which keeps the latest tree head verified for each database
     */
    Optional<CompletableFuture<Recorded>> startLookup(
            ProvisionRequest request, ModuleProxyList proxies, HttpTransfer http, Path cache, BuildLog log)
            throws ChecksumDatabaseException {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        KeptTreeHead kept = new KeptTreeHead(cache, key.get(), log);
        CompletableFuture<Recorded> recorded = new CompletableFuture<>();
        Thread lookup = new Thread(
                () -> {
                    try {
                        recorded.complete(lookUp(request, proxies, http, kept));
                    } catch (ToolchainException | RuntimeException e) {
                        recorded.completeExceptionally(e);
                    }
                },
                "static-go-checksum-lookup");
        lookup.setDaemon(true);
        lookup.start();
        return Optional.of(recorded);
    }

    private Recorded lookUp(ProvisionRequest request, ModuleProxyList proxies, HttpTransfer http, KeptTreeHead kept)
            throws ToolchainException {
        ChecksumDatabase database;
        try {
            database = new ChecksumDatabase(
                    key.get(), ChecksumDatabase.locate(key.get(), ownAddress, proxies, http), http, kept);
        } catch (IOException e) {
            throw new ChecksumDatabaseException(
                    "the checksum database " + key.get().name() + " could not be reached: " + e.getMessage()
                            + ". Check the network, or GOSUMDB.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while asking the checksum database "
                    + key.get().name());
        }
        return new Recorded(
                database.zipHash(ToolchainProvisioner.TOOLCHAIN_MODULE, request.moduleVersion()), database.shown());
    }

    /**
     * Checks the zip's hash against the pin and the database's record; returns how it was verified, for
     * the log and the cache's provenance.
     *
     * @throws ToolchainException naming what did not match, or why the database could not vouch
     */
    String check(
            ProvisionRequest request,
            String actual,
            ModuleProxyList.Proxy source,
            Optional<CompletableFuture<Recorded>> lookup)
            throws ToolchainException {
        String what = request.described() + " downloaded from " + source.shown();
        if (request.pinnedHash() != null && !request.pinnedHash().equals(actual)) {
            throw new ProvisionException("<goToolchainHash>: " + what + " has hash " + actual + ", not the pinned "
                    + request.pinnedHash() + ": the download was altered, or the pin is for another version or host."
                    + " Nothing was installed.");
        }
        if (lookup.isEmpty()) {
            return "matching <goToolchainHash>";
        }
        Recorded recorded = await(lookup.get());
        if (!recorded.hash().zipHash().equals(actual)) {
            throw new ChecksumDatabaseException(what + " has hash " + actual + ", but the checksum database "
                    + recorded.database() + " records " + recorded.hash().zipHash()
                    + ": the download was altered or corrupted. Nothing was installed.");
        }
        return "as recorded by the checksum database " + recorded.database()
                + " (record proven in its signed tree of " + recorded.hash().treeSize() + " records)"
                + (request.pinnedHash() != null ? " and matching <goToolchainHash>" : "");
    }

    private static Recorded await(CompletableFuture<Recorded> lookup) throws ToolchainException {
        try {
            return lookup.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ToolchainException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while waiting for the checksum database");
        }
    }
}
