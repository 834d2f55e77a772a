package io.github.staticgo.maven;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.verify.VulnerabilityPolicy;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code <vulnerabilities>} of verify: the known-vulnerability check with govulncheck, and its policy. */
public class Vulnerabilities {
    /** The govulncheck release run when no {@code <govulncheck>} is given; it needs Go 1.22 or newer to build. */
    static final String DEFAULT_GOVULNCHECK_VERSION = "v1.1.4";

    static final String GOVULNCHECK_PACKAGE = "golang.org/x/vuln/cmd/govulncheck";

    private String database;
    private File govulncheck;
    private String govulncheckVersion = DEFAULT_GOVULNCHECK_VERSION;
    private String onFound = "fail";
    private List<AcceptedVulnerability> accept;
    private int timeout = 300;
    private boolean skip;

    public void setDatabase(String database) {
        this.database = database;
    }

    public void setGovulncheck(File govulncheck) {
        this.govulncheck = govulncheck;
    }

    public void setGovulncheckVersion(String govulncheckVersion) {
        this.govulncheckVersion = govulncheckVersion;
    }

    public void setOnFound(String onFound) {
        this.onFound = onFound;
    }

    public void setAccept(List<AcceptedVulnerability> accept) {
        this.accept = accept;
    }

    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    public void setSkip(boolean skip) {
        this.skip = skip;
    }

    /**
     * Checks every element, so that a mistake is reported before anything is verified or installed.
     *
     * @param offline Maven runs offline: a database on a server cannot be read
     */
    void check(boolean offline) throws ConfigurationException {
        timeout();
        String url = database();
        if (offline && (url == null || !url.startsWith("file:"))) {
            throw new ConfigurationException(
                    "vulnerabilities><database",
                    "Maven runs offline (-o), and " + (url == null ? "Go's public database" : url) + " is on a "
                            + "server: give a file:// mirror of the database, or set <skip>true</skip> to check "
                            + "nothing.");
        }
        policy();
        govulncheck();
        govulncheckVersion();
    }

    boolean skip() {
        return skip;
    }

    Duration timeout() throws ConfigurationException {
        if (timeout < 1) {
            throw new ConfigurationException(
                    "vulnerabilities><timeout", "must be at least 1 (seconds), not " + timeout + ".");
        }
        return Duration.ofSeconds(timeout);
    }

    /** The configured govulncheck, or null to install {@link #govulncheckVersion()} through go. */
    Path govulncheck() throws ConfigurationException {
        if (govulncheck == null) {
            return null;
        }
        if (!Files.isRegularFile(govulncheck.toPath()) || !Files.isExecutable(govulncheck.toPath())) {
            throw new ConfigurationException(
                    "vulnerabilities><govulncheck",
                    govulncheck + " is not an executable file. Point it at a govulncheck binary, or leave it out "
                            + "to have go install " + GOVULNCHECK_PACKAGE + "@" + govulncheckVersion + ".");
        }
        return govulncheck.toPath();
    }

    String govulncheckVersion() throws ConfigurationException {
        if (govulncheckVersion == null || !govulncheckVersion.matches("v\\d+\\.\\d+\\.\\d+\\S*")) {
            throw new ConfigurationException(
                    "vulnerabilities><govulncheckVersion",
                    "'" + govulncheckVersion + "' is not a module version: write it as go does, e.g. "
                            + DEFAULT_GOVULNCHECK_VERSION + ".");
        }
        return govulncheckVersion;
    }

    /**
     * The {@code -db} to pass, or null for govulncheck's default (Go's public database); a {@code file:} mirror
     * must already hold a database index.
     */
    String database() throws ConfigurationException {
        if (database == null || database.isBlank()) {
            return null;
        }
        String url = database.trim();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw badDatabase(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https", "http" -> {
                return url;
            }
            case "file" -> {
                Path index = Path.of(uri).resolve("index").resolve("db.json");
                if (!Files.isRegularFile(index)) {
                    throw new ConfigurationException(
                            "vulnerabilities><database",
                            url + " holds no vulnerability database: there is no " + index + ". A mirror has the "
                                    + "layout of Go's database (index/db.json, index/modules.json, ID/<id>.json).");
                }
                return url;
            }
            default -> throw badDatabase(url);
        }
    }

    private static ConfigurationException badDatabase(String url) {
        return new ConfigurationException(
                "vulnerabilities><database",
                "'" + url + "' is not a database URL: give https://... for a server, or file:///... for a "
                        + "directory mirror, or leave it out for Go's public database.");
    }

    VulnerabilityPolicy policy() throws ConfigurationException {
        boolean fail = switch (onFound == null ? "" : onFound.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> true;
            case "warn" -> false;
            default ->
                throw new ConfigurationException(
                        "vulnerabilities><onFound", "'" + onFound + "' is neither fail nor warn.");
        };
        Map<String, String> accepted = new LinkedHashMap<>();
        for (AcceptedVulnerability one : accept == null ? List.<AcceptedVulnerability>of() : accept) {
            if (one.id() == null
                    || one.id().isBlank()
                    || one.reason() == null
                    || one.reason().isBlank()) {
                throw new ConfigurationException(
                        "vulnerabilities><accept",
                        "each <vulnerability> needs an <id> and a <reason>, e.g. <vulnerability><id>GO-2021-0113"
                                + "</id><reason>we never parse untrusted language tags</reason></vulnerability>.");
            }
            accepted.put(one.id().trim(), one.reason().trim());
        }
        return new VulnerabilityPolicy(fail, accepted);
    }
}
