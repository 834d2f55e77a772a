package io.github.staticgo.image;

import io.github.staticgo.FileDigest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one image run assembles, and from what. Built with {@link #builder()}; unset lists and maps are empty.
 *
 * @param outputDirectory the build goal's directory, with build.json
 * @param verifyReport verify's JSON report, whose verdicts say which binaries may go in
 * @param imageDirectory where the layout, the archive and image.json are written
 * @param binaryName only the binaries of this name, or null for every linux binary (one per platform)
 * @param name the image's registry/repository, or null when it is only written to files
 * @param tags what the layout and the push name the image
 * @param entrypoint the command; empty for the binary itself
 * @param args the arguments after the entrypoint (the config's Cmd)
 * @param user the config's User; null for the non-root user's uid:gid, or root when there is none
 * @param ports exposed ports, "8080" or "8080/udp"
 * @param time the time of every file and of {@code created}; null for the epoch and no {@code created}
 * @param annotations OCI annotations of the index and each manifest
 * @param localName the repository the archive names the image after when it has no {@code name} (the artifactId)
 * @param pluginVersion part of what the image was assembled from: a new plugin may write it differently
 * @param force assemble even when nothing changed since the last image
 * @param base the base image from a registry, or null for an image from scratch
 */
public record ImageRequest(
        Path outputDirectory,
        Path verifyReport,
        Path imageDirectory,
        String binaryName,
        String name,
        List<String> tags,
        ScratchFiles scratchFiles,
        List<String> entrypoint,
        List<String> args,
        Map<String, String> environment,
        String workingDirectory,
        String user,
        List<String> ports,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant time,
        String localName,
        String pluginVersion,
        boolean force,
        BaseImage base) {

    public ImageRequest {
        tags = List.copyOf(tags);
        entrypoint = List.copyOf(entrypoint);
        args = List.copyOf(args);
        environment = new TreeMap<>(environment);
        ports = List.copyOf(ports);
        labels = new TreeMap<>(labels);
        annotations = new TreeMap<>(annotations);
    }

    /**
     * Each setting of the image, by a name for messages ("labels changed"), as a digest: what decides the image
     * besides its binaries and files.
     */
    Map<String, String> settingFacts() {
        Map<String, String> facts = new TreeMap<>();
        fact(facts, "name", name);
        fact(facts, "tags", tags);
        fact(facts, "binary", binaryName);
        fact(facts, "entrypoint", entrypoint);
        fact(facts, "args", args);
        fact(facts, "environment", environment);
        fact(facts, "workingDirectory", workingDirectory);
        fact(facts, "user", user);
        fact(facts, "ports", ports);
        fact(facts, "labels", labels);
        fact(facts, "annotations", annotations);
        fact(facts, "outputTimestamp", time);
        fact(facts, "archive name", localName);
        return facts;
    }

    private static void fact(Map<String, String> facts, String name, Object value) {
        facts.put(name, FileDigest.sha256(String.valueOf(value)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path outputDirectory;
        private Path verifyReport;
        private Path imageDirectory;
        private String binaryName;
        private String name;
        private List<String> tags = List.of();
        private ScratchFiles scratchFiles = ScratchFiles.none();
        private List<String> entrypoint = List.of();
        private List<String> args = List.of();
        private Map<String, String> environment = Map.of();
        private String workingDirectory;
        private String user;
        private List<String> ports = List.of();
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private Instant time;
        private String localName = "image";
        private String pluginVersion;
        private boolean force;
        private BaseImage base;

        public Builder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        public Builder verifyReport(Path value) {
            verifyReport = value;
            return this;
        }

        public Builder imageDirectory(Path value) {
            imageDirectory = value;
            return this;
        }

        public Builder binaryName(String value) {
            binaryName = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder scratchFiles(ScratchFiles value) {
            scratchFiles = value;
            return this;
        }

        public Builder entrypoint(List<String> value) {
            entrypoint = value;
            return this;
        }

        public Builder args(List<String> value) {
            args = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder workingDirectory(String value) {
            workingDirectory = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder ports(List<String> value) {
            ports = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = value;
            return this;
        }

        public Builder annotations(Map<String, String> value) {
            annotations = value;
            return this;
        }

        public Builder time(Instant value) {
            time = value;
            return this;
        }

        public Builder localName(String value) {
            localName = value;
            return this;
        }

        public Builder pluginVersion(String value) {
            pluginVersion = value;
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public Builder base(BaseImage value) {
            base = value;
            return this;
        }

        public ImageRequest build() {
            return new ImageRequest(
                    outputDirectory,
                    verifyReport,
                    imageDirectory,
                    binaryName,
                    name,
                    tags,
                    scratchFiles,
                    entrypoint,
                    args,
                    environment,
                    workingDirectory,
                    user,
                    ports,
                    labels,
                    annotations,
                    time,
                    localName,
                    pluginVersion,
                    force,
                    base);
        }
    }
}
