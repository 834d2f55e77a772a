package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.BuildLog;
import io.github.staticgo.FileDigest;
import io.github.staticgo.Tools;
import io.github.staticgo.image.ImageException;
import io.github.staticgo.image.ImageRecord;
import io.github.staticgo.image.ImageRequest;
import io.github.staticgo.image.ScratchFiles;
import io.github.staticgo.image.StaticGoImage;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.verify.ExpectedBinary;
import io.github.staticgo.verify.StaticGoVerify;
import io.github.staticgo.verify.VerifyPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image goal's core takes only what verify passed and what is still unchanged, as skopeo reads the result. */
class BuildVerifyImageTest {
    @TempDir
    Path dir;

    private ImageRequest request(Path out) {
        return ImageRequest.builder()
                .outputDirectory(out)
                .verifyReport(out.resolve("verify-report.json"))
                .imageDirectory(dir.resolve("image"))
                .tags(List.of("1.0"))
                .scratchFiles(new ScratchFiles(null, new ScratchFiles.NonRootUser("nonroot", 65532, 65532), null))
                .build();
    }

    @Test
    void verifiedBinariesBecomeAnIndexAndChangedOrFailedOnesAreRefused() throws Exception {
        Path out = TestBuilds.buildAndVerify(dir, List.of("linux/amd64", "linux/arm/6", "windows/amd64"));
        Path report = out.resolve("verify-report.json");

        ImageRecord record = new StaticGoImage(BuildLog.silent()).assemble(request(out));
        String raw = Tools.run(dir, "skopeo", "inspect", "--raw", "oci:" + dir.resolve("image/layout") + ":1.0");
        assertTrue(raw.contains("\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}"), raw);
        assertTrue(raw.contains("\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v6\"}"), raw);
        assertEquals(2, record.images().size(), "the windows binary is not in a linux image");
        String indexDigest = Tools.run(dir, "sh", "-c", "skopeo inspect --raw oci:image/layout:1.0 | sha256sum");
        assertEquals(record.indexDigest(), "sha256:" + indexDigest.split(" ")[0]);

        // A verdict that failed: the same file verified against the wrong platform.
        Path amd64 = out.resolve("hello-linux-amd64");
        StaticGoVerify.verify(
                List.of(new ExpectedBinary(amd64, "linux", "arm64", null, CgoMode.OFF)),
                VerifyPolicy.DEFAULTS,
                false,
                report);
        ImageException failed =
                assertThrows(ImageException.class, () -> new StaticGoImage(BuildLog.silent()).assemble(request(out)));
        assertTrue(failed.getMessage().contains("hello-linux-amd64 failed verification: "), failed.getMessage());
        assertTrue(failed.getMessage().contains("hello-linux-arm-6 was not verified"), failed.getMessage());

        // A binary changed after verify passed it.
        StaticGoVerify.verify(StaticGoVerify.fromManifest(out), VerifyPolicy.DEFAULTS, false, report);
        String before = FileDigest.sha256(dir.resolve("image/image-oci.tar"));
        Files.write(amd64, new byte[] {0}, StandardOpenOption.APPEND);
        ImageException changed =
                assertThrows(ImageException.class, () -> new StaticGoImage(BuildLog.silent()).assemble(request(out)));
        assertEquals(
                "static-go:image takes only verified, unchanged binaries:" + System.lineSeparator()
                        + "  - hello-linux-amd64 changed after it was verified (its SHA-256 is no longer the one "
                        + "build.json records): build and verify it again (mvn verify).",
                changed.getMessage());
        assertEquals(before, FileDigest.sha256(dir.resolve("image/image-oci.tar")), "the last image stays whole");
    }
}
