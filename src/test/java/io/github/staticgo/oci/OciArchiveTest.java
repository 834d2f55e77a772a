package io.github.staticgo.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.Tools;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The image archive as skopeo reads it: as an OCI archive (index.json, what podman and docker 25 load) and as a
 * docker-archive (manifest.json, the only file docker load before 25 reads), whose image must be the one the OCI
 * side calls the first platform's.
 */
class OciArchiveTest {
    private static final String NAME = "127.0.0.1:5000/team/sidecar:1.0";

    @TempDir
    Path dir;

    private Path archive;
    private Descriptor index;

    @BeforeEach
    void write() throws Exception {
        OciLayout layout = new OciLayout(dir.resolve("layout"));
        // arm64 first, so that on this amd64 machine the docker-archive image cannot be the host's platform's.
        index = TestLayouts.write(
                layout,
                List.of(
                        new Descriptor.Platform("arm64", "linux", null),
                        new Descriptor.Platform("amd64", "linux", null)));
        archive = dir.resolve("image-oci.tar");
        layout.writeArchive(archive, Instant.EPOCH, index, NAME);
    }

    private String skopeo(String... arguments) {
        List<String> command = new ArrayList<>(List.of("skopeo"));
        command.addAll(List.of(arguments));
        return Tools.run(dir, command.toArray(String[]::new));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void theDockerArchiveIsTheFirstPlatformsImageUnderTheArchivesName() {
        String ociConfig = skopeo("--override-arch", "arm64", "inspect", "--config", "--raw", "oci-archive:" + archive);
        String ociConfigDigest = Tools.run(
                        dir,
                        "sh",
                        "-c",
                        "skopeo --override-arch arm64 inspect --config --raw oci-archive:" + archive + " | sha256sum")
                .split(" ")[0];
        JsonObject docker = JsonParser.parseString(skopeo("inspect", "--raw", "docker-archive:" + archive))
                .getAsJsonObject();
        assertEquals(
                "sha256:" + ociConfigDigest,
                docker.getAsJsonObject("config").get("digest").getAsString());
        // Docker's manifest names layers by their diff_ids, which skopeo checks against the layers' contents.
        assertEquals(
                strings(JsonParser.parseString(ociConfig)
                        .getAsJsonObject()
                        .getAsJsonObject("rootfs")
                        .getAsJsonArray("diff_ids")),
                docker.getAsJsonArray("layers").asList().stream()
                        .map(layer -> layer.getAsJsonObject().get("digest").getAsString())
                        .toList());
        JsonObject inspected = JsonParser.parseString(skopeo("inspect", "docker-archive:" + archive))
                .getAsJsonObject();
        assertEquals("arm64", inspected.get("Architecture").getAsString());

        // The file itself, as docker save writes it: one image, its config and layers as paths in the tar.
        JsonArray manifest = JsonParser.parseString(Tools.run(dir, "tar", "-xOf", archive.toString(), "manifest.json"))
                .getAsJsonArray();
        assertEquals(1, manifest.size(), manifest.toString());
        JsonObject entry = manifest.get(0).getAsJsonObject();
        assertEquals(List.of(NAME), strings(entry.getAsJsonArray("RepoTags")));
        assertEquals("blobs/sha256/" + ociConfigDigest, entry.get("Config").getAsString());

        // skopeo copies it whole, each layer checked against its diff_id on the way.
        skopeo("copy", "docker-archive:" + archive, "oci:" + dir.resolve("copied") + ":run");
        JsonObject copied = JsonParser.parseString(skopeo("inspect", "oci:" + dir.resolve("copied") + ":run"))
                .getAsJsonObject();
        assertEquals("arm64", copied.get("Architecture").getAsString());
    }

    @Test
    void theDockerArchiveHoldsTheImageUnderNoOtherName() {
        AssertionFailedError refused = assertThrows(
                AssertionFailedError.class,
                () -> skopeo("inspect", "docker-archive:" + archive + ":127.0.0.1:5000/team/sidecar:2.0"));
        assertTrue(refused.getMessage().contains("127.0.0.1:5000/team/sidecar:2.0"), refused.getMessage());
    }

    @Test
    void theOciArchiveStillNamesTheIndex() {
        String digest = Tools.run(dir, "sh", "-c", "skopeo inspect --raw oci-archive:" + archive + " | sha256sum")
                .split(" ")[0];
        assertEquals(index.digest(), "sha256:" + digest);
    }
}
