package io.github.staticgo.image;

import io.github.staticgo.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code image.json}: what the image goal wrote (and the push goal reads): the index digest, each platform's image
 * with the binary in it, and where the layout and archive are.
 *
 * @param name the registry/repository to push to, or null
 * @param layout the OCI layout directory
 * @param archive the OCI archive tar
 * @param base the base image's repository and the layers the image took from it, or null from scratch
 */
public record ImageRecord(
        String name,
        List<String> tags,
        String indexDigest,
        String layout,
        String archive,
        List<PlatformImage> images,
        Base base) {
    /**
     * Where the base's layers came from, so a push to the same registry can mount them from it.
     *
     * @param repository registry/repository of the base
     */
    public record Base(String reference, String repository, List<String> layers) {}

    public static final String FILE_NAME = "image.json";

    /**
     * One platform's image.
     *
     * @param target the Go target, "linux/arm/7"
     * @param platform the OCI platform in the index, "linux/arm/v7"
     * @param binary the binary's file, relative to the build output directory
     * @param binarySha256 its SHA-256, as build.json and the verify report record it
     * @param pathInImage where it is in the image
     * @param layers the layer digests, base first, the binary's last
     */
    public record PlatformImage(
            String target,
            String platform,
            String binary,
            String binarySha256,
            String pathInImage,
            String manifestDigest,
            String configDigest,
            List<String> layers) {}

    /** The table logged after the image is written: one row per platform, with its manifest digest. */
    public List<String> summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("target", "platform", "binary", "manifest"));
        images.forEach(
                image -> rows.add(List.of(image.target(), image.platform(), image.binary(), image.manifestDigest())));
        int[] widths = new int[3];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        return rows.stream()
                .map(row -> String.format(
                        "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
                        row.get(0),
                        row.get(1),
                        row.get(2),
                        row.get(3)))
                .toList();
    }

    public void write(Path directory) throws IOException {
        Json.writeFile(directory.resolve(FILE_NAME), this);
    }

    public static ImageRecord read(Path directory) throws IOException {
        return Json.readFile(directory.resolve(FILE_NAME), ImageRecord.class);
    }
}
