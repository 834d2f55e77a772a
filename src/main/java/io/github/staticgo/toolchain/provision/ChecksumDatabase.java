package io.github.staticgo.toolchain.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A client of one Go checksum database (golang.org/x/mod/sumdb protocol): looks a module version up,
 * opens the signed tree head that comes with the record, proves the record is in that tree from the
 * database's tiles and that the tree agrees with the one kept from earlier lookups, before its hash is
 * believed.
 */
final class ChecksumDatabase {
    /** What the database vouches for, and the tree it vouched in. */
    record VerifiedHash(String zipHash, long treeSize) {}

    private final VerifierKey key;
    private final URI base;
    private final HttpTransfer http;
    private final KeptTreeHead kept;

    /** @param base where the database answers: a proxy's {@code <proxy>/sumdb/<name>}, or the database itself */
    ChecksumDatabase(VerifierKey key, URI base, HttpTransfer http, KeptTreeHead kept) {
        this.key = key;
        this.base = base;
        this.http = http;
        this.kept = kept;
    }

    /**
     * Where the database is reached: through the first proxy of the list that says it serves it
     * ({@code <proxy>/sumdb/<name>/supported} answers 200), as go does; the database's own address
     * otherwise.
     */
    static URI locate(VerifierKey key, Optional<URI> ownAddress, ModuleProxyList proxies, HttpTransfer http)
            throws IOException, InterruptedException {
        for (ModuleProxyList.Proxy proxy : proxies.proxies()) {
            URI throughProxy = URI.create(proxy.uri() + "/sumdb/" + key.name());
            if (http.get(URI.create(throughProxy + "/supported")).ok()) {
                return throughProxy;
            }
        }
        return ownAddress.orElse(URI.create("https://" + key.name()));
    }

    String shown() {
        return key.name() + (base.getHost().equals(key.name()) ? "" : " (through " + base.getHost() + ")");
    }

    /** The zip hash the database records for a module version, after the record's inclusion is proven. */
    VerifiedHash zipHash(String modulePath, String version) throws ChecksumDatabaseException {
        // Toolchain module paths and versions are lower case: nothing to escape (Go's '!' case encoding).
        byte[] answer = fetch("lookup/" + modulePath + "@" + version, modulePath + "@" + version);
        String text = new String(answer, StandardCharsets.UTF_8);
        int firstLine = text.indexOf('\n');
        int recordEnd = text.indexOf("\n\n", firstLine + 1);
        long index;
        try {
            index = firstLine < 0 ? -1 : Long.parseLong(text.substring(0, firstLine));
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || recordEnd < 0) {
            throw new ChecksumDatabaseException(
                    "the checksum database " + shown() + " answered the lookup of " + version + " with no record.");
        }
        // The answer is "<index>\n<record text>\n<signed tree head>" (tlog.ParseRecord). Bytes that are not
        // UTF-8 would come back changed, and then fail the signature or the proof.
        byte[] record = text.substring(firstLine + 1, recordEnd + 1).getBytes(StandardCharsets.UTF_8);
        byte[] note = text.substring(recordEnd + 2).getBytes(StandardCharsets.UTF_8);
        SignedTreeHead tree = SignedTreeHead.open(note, key);
        TreeTiles.TileSource tileSource = tilePath -> fetch(tilePath, tilePath);
        TreeTiles tiles = new TreeTiles(tileSource, tree.size());
        if (!new RecordInclusion(tiles, tree).proves(index, record)) {
            throw new ChecksumDatabaseException(
                    "the record of " + modulePath + "@" + version + " sent by the checksum database "
                            + shown() + " is not record " + index + " of its signed tree of " + tree.size()
                            + " records: the record or its tiles were altered. Nothing was installed.");
        }
        kept.merge(tree, note, tiles, tileSource, shown());
        String prefix = modulePath + " " + version + " ";
        for (String line : new String(record, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(prefix) && line.substring(prefix.length()).startsWith("h1:")) {
                return new VerifiedHash(line.substring(prefix.length()), tree.size());
            }
        }
        throw new ChecksumDatabaseException("the checksum database " + shown() + " has a record for " + version
                + " but no h1: hash of its zip in it.");
    }

    private byte[] fetch(String path, String what) throws ChecksumDatabaseException {
        HttpTransfer.Answer answer;
        try {
            answer = http.get(URI.create(base + "/" + path));
        } catch (IOException e) {
            throw new ChecksumDatabaseException("the checksum database " + shown() + " could not be reached for " + what
                    + ": " + e.getMessage() + ". Check the network, or GOSUMDB.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChecksumDatabaseException("interrupted while asking the checksum database " + shown());
        }
        if (answer.status() == 404 || answer.status() == 410) {
            throw new ChecksumDatabaseException("the checksum database " + shown() + " has no record of " + what
                    + " (HTTP " + answer.status() + "): nothing vouches for that toolchain, so it was not installed.");
        }
        if (!answer.ok()) {
            throw new ChecksumDatabaseException("the checksum database " + shown() + " answered HTTP " + answer.status()
                    + " for " + what + ". Try again later, or check GOSUMDB.");
        }
        return answer.body();
    }
}
