package io.github.staticgo.image;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.oci.LayerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a static binary may need in an image from scratch, each part optional: CA certificates where Go looks
 * first ({@code /etc/ssl/certs/ca-certificates.crt}), an {@code /etc/passwd} and {@code /etc/group} with a
 * non-root user and its home (and a {@code /tmp}), and time zone data where Go looks ({@code /usr/share/zoneinfo}).
 *
 * @param caCertificates the bundle to copy, or null for none
 * @param user the non-root user to add, or null for none
 * @param zoneInfo the zoneinfo directory to copy, or null for none
 */
public record ScratchFiles(Path caCertificates, NonRootUser user, Path zoneInfo) {
    static final String CA_CERTIFICATES = "etc/ssl/certs/ca-certificates.crt";
    static final String ZONE_INFO = "usr/share/zoneinfo";

    /** The user a container of the image runs as; distroless's nonroot (65532) unless the pom says otherwise. */
    public record NonRootUser(String name, int uid, int gid) {
        public static final int DISTROLESS_ID = 65532;

        public String home() {
            return "home/" + name;
        }
    }

    public static ScratchFiles none() {
        return new ScratchFiles(null, null, null);
    }

    /** Refuses a named file or directory that is not there before anything is written. */
    public void check() throws ConfigurationException {
        if (caCertificates != null && !Files.isRegularFile(caCertificates)) {
            throw new ConfigurationException(
                    "image.caCertificates",
                    "there is no CA bundle at " + caCertificates + ": name a PEM file, or none to leave them out "
                            + "(Debian's ca-certificates package puts the host's at /etc/ssl/certs/ca-certificates.crt).");
        }
        if (zoneInfo != null && !Files.isDirectory(zoneInfo)) {
            throw new ConfigurationException(
                    "image.timeZones",
                    "there is no zoneinfo directory at " + zoneInfo + ": name one, install tzdata, or leave "
                            + "<timeZones> out and build with -tags timetzdata (Go embeds its own time zone data).");
        }
        if (user != null && (user.uid() <= 0 || user.gid() <= 0)) {
            throw new ConfigurationException(
                    "image.uid", "the non-root user needs a uid and gid above 0, not " + user.uid() + ":" + user.gid());
        }
    }

    public boolean isEmpty() {
        return caCertificates == null && user == null && zoneInfo == null;
    }

    /**
     * What decides the scratch layer, for the up-to-date check: the CA bundle's SHA-256, the user, and the
     * zoneinfo tree's listing (each file's path, size and time, each link's target), which is cheaper than its
     * content and changes whenever tzdata is updated.
     */
    public Map<String, String> facts() throws IOException {
        Map<String, String> facts = new TreeMap<>();
        facts.put("CA certificates", caCertificates == null ? "none" : FileDigest.sha256(caCertificates));
        facts.put("non-root user", String.valueOf(user));
        if (zoneInfo == null) {
            facts.put("time zones", "none");
        } else {
            StringBuilder listing = new StringBuilder();
            try (Stream<Path> walk = Files.walk(zoneInfo)) {
                for (Path path : walk.sorted().toList()) {
                    BasicFileAttributes attributes =
                            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    listing.append(zoneInfo.relativize(path))
                            .append(' ')
                            .append(attributes.isSymbolicLink() ? "-> " + Files.readSymbolicLink(path) : "")
                            .append(attributes.size())
                            .append(' ')
                            .append(attributes.lastModifiedTime().toMillis())
                            .append('\n');
                }
            }
            facts.put("time zones", FileDigest.sha256(zoneInfo + "\n" + listing));
        }
        return facts;
    }

    public List<LayerEntry> entries() throws IOException {
        List<LayerEntry> entries = new ArrayList<>();
        if (caCertificates != null) {
            entries.add(LayerEntry.file(CA_CERTIFICATES, 0644, 0, 0, Files.readAllBytes(caCertificates)));
        }
        if (user != null) {
            entries.add(text(
                    "etc/passwd",
                    "root:x:0:0:root:/root:/sbin/nologin\n" + user.name() + ":x:" + user.uid() + ":" + user.gid() + ":"
                            + user.name() + ":/" + user.home() + ":/sbin/nologin\n"));
            entries.add(text("etc/group", "root:x:0:\n" + user.name() + ":x:" + user.gid() + ":\n"));
            entries.add(
                    new LayerEntry(user.home(), LayerEntry.Kind.DIRECTORY, 0700, user.uid(), user.gid(), null, null));
            entries.add(new LayerEntry("tmp", LayerEntry.Kind.DIRECTORY, 01777, 0, 0, null, null));
        }
        if (zoneInfo != null) {
            entries.addAll(tree(zoneInfo, ZONE_INFO));
        }
        return entries;
    }

    private static LayerEntry text(String path, String content) {
        return LayerEntry.file(path, 0644, 0, 0, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A host directory under {@code prefix}: files as 0644, links as links (zoneinfo's aliases), owned by root. */
    private static List<LayerEntry> tree(Path root, String prefix) throws IOException {
        List<LayerEntry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                if (path.equals(root)) {
                    continue;
                }
                String name = prefix + "/" + root.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    entries.add(LayerEntry.symlink(
                            name, Files.readSymbolicLink(path).toString()));
                } else if (Files.isDirectory(path)) {
                    entries.add(LayerEntry.directory(name));
                } else if (Files.isRegularFile(path)) {
                    entries.add(LayerEntry.file(name, 0644, 0, 0, Files.readAllBytes(path)));
                }
            }
        }
        return entries;
    }
}
