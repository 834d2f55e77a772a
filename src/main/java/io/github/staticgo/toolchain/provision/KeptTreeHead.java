package io.github.staticgo.toolchain.provision;

import io.github.staticgo.BuildLog;
import io.github.staticgo.SafeFiles;
import io.github.staticgo.manifest.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The latest tree head verified for one checksum database, kept as go keeps it ($GOPATH/pkg/sumdb/&lt;name&gt;/latest):
 * the signed note as the database sent it, in {@code <toolchain cache>/sumdb/<name>/latest}. Every other
 * head a lookup brings must be consistent with it, so a database (or a proxy in front of it) cannot show
 * this build a tree that forks from the one an earlier build saw. A newer consistent head replaces it; an
 * older consistent one leaves it.
 */
final class KeptTreeHead {
    private final VerifierKey key;
    private final Path directory;
    private final Path file;
    private final BuildLog log;

    KeptTreeHead(Path toolchainCache, VerifierKey key, BuildLog log) throws ChecksumDatabaseException {
        // The name becomes a directory: one that could leave sumdb/ (a note name may hold '/') is refused.
        if (key.name().contains("/") || key.name().contains("\\") || key.name().startsWith(".")) {
            throw new ChecksumDatabaseException("<goSumDb>/GOSUMDB: the checksum database name '" + key.name()
                    + "' is not a host name, so its latest tree head cannot be kept in the toolchain cache.");
        }
        this.key = key;
        this.directory = toolchainCache.resolve("sumdb").resolve(key.name());
        this.file = directory.resolve("latest");
        this.log = log;
    }

    /**
     * Checks {@code head} (the signed {@code note}, opened already) against the kept head and keeps it
     * when it is newer; under a lock, so two builds never lose each other's newer head.
     *
     * @param headTiles the tiles of {@code head}'s tree
     * @param tiles where the tiles of the kept tree are fetched when it is the newer one
     * @param database the database as messages show it
     * @throws ChecksumDatabaseException naming the database and both sizes when the trees do not agree
     */
    void merge(SignedTreeHead head, byte[] note, TreeTiles headTiles, TreeTiles.TileSource tiles, String database)
            throws ChecksumDatabaseException {
        try (OutputLock lock = OutputLock.acquire(
                directory, "another build that checks the tree head of the checksum database " + key.name(), log)) {
            byte[] keptNote;
            try {
                keptNote = Files.readAllBytes(file);
            } catch (NoSuchFileException none) {
                keep(note);
                return;
            }
            SignedTreeHead kept;
            try {
                kept = SignedTreeHead.open(keptNote, key);
            } catch (ChecksumDatabaseException e) {
                throw new ChecksumDatabaseException("the tree head kept in " + file + " does not open with the key of "
                        + key.name() + " (" + e.getMessage() + "): remove it if GOSUMDB now names another key.");
            }
            if (head.size() >= kept.size()) {
                if (!TreeConsistency.proves(kept, head, headTiles)) {
                    throw fork(database, head, kept);
                }
                if (head.size() > kept.size()) {
                    keep(note);
                }
            } else if (!TreeConsistency.proves(head, kept, new TreeTiles(tiles, kept.size()))) {
                throw fork(database, head, kept);
            }
        } catch (IOException e) {
            throw new ChecksumDatabaseException("cannot keep the tree head of the checksum database " + key.name()
                    + " in " + file + ": " + e.getMessage() + ". Point <toolchainCache> at a writable directory.");
        }
    }

    private void keep(byte[] note) throws IOException {
        SafeFiles.replace(file, temporary -> Files.write(temporary, note));
        log.debug("Kept the tree head of " + key.name() + " in " + file);
    }

    private ChecksumDatabaseException fork(String database, SignedTreeHead head, SignedTreeHead kept) {
        String trees = head.size() == kept.size()
                ? "a tree of " + head.size() + " records other than the tree of " + kept.size()
                : head.size() > kept.size()
                        ? "a tree of " + head.size() + " records that does not contain the tree of " + kept.size()
                        : "a tree of " + head.size() + " records that is not the start of the tree of " + kept.size();
        return new ChecksumDatabaseException("the checksum database " + database + " signed " + trees
                + " records kept in " + file + " from an earlier lookup: its log was forked, by the database or a"
                + " proxy (go reports this as a SECURITY ERROR). Nothing was installed.");
    }
}
