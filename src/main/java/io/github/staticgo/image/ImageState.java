package io.github.staticgo.image;

import io.github.staticgo.Json;
import io.github.staticgo.incremental.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the last image was assembled from (its facts: the verified binaries' SHA-256, the image configuration,
 * the scratch files, the base image's digests, the plugin and the JDK that compressed the layers) and the files
 * it left (size and time of each file of the layout, the archive and image.json). When both are as recorded, the
 * image goal has nothing to do. Written last, after every output is in place, so an interrupted run is never
 * taken as up to date.
 */
final class ImageState {
    static final String FILE_NAME = "image-state.json";

    /** One file the image goal wrote, relative to the image directory. */
    record Output(String path, long size, long modified) {}

    record Record(Map<String, String> facts, List<Output> outputs) {}

    private ImageState() {}

    /** Why the image must be assembled again, or empty when the recorded one is current. */
    static Optional<String> whyAssemble(Path imageDirectory, Map<String, String> facts) throws IOException {
        Path file = imageDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.of("no earlier image recorded");
        }
        Record record;
        try {
            record = Json.readFile(file, Record.class);
        } catch (IOException e) {
            return Optional.of("the record of the earlier image is unreadable");
        }
        if (record.facts() == null || record.outputs() == null) {
            return Optional.of("the record of the earlier image is incomplete");
        }
        Optional<String> changed = Fingerprint.changes(record.facts(), facts);
        if (changed.isPresent()) {
            return changed;
        }
        List<Output> now = outputs(imageDirectory);
        if (!now.equals(record.outputs())) {
            return Optional.of(describe(record.outputs(), now));
        }
        return Optional.empty();
    }

    static void write(Path imageDirectory, Map<String, String> facts) throws IOException {
        Json.writeFile(imageDirectory.resolve(FILE_NAME), new Record(new TreeMap<>(facts), outputs(imageDirectory)));
    }

    /** The layout's files, the archive and image.json, as they are now. */
    private static List<Output> outputs(Path imageDirectory) throws IOException {
        List<Output> outputs = new ArrayList<>();
        Path layout = imageDirectory.resolve(StaticGoImage.LAYOUT_DIRECTORY);
        if (Files.isDirectory(layout)) {
            try (Stream<Path> walk = Files.walk(layout)) {
                for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                    outputs.add(output(imageDirectory, path));
                }
            }
        }
        for (String name : List.of(StaticGoImage.ARCHIVE_FILE, ImageRecord.FILE_NAME)) {
            Path path = imageDirectory.resolve(name);
            if (Files.isRegularFile(path)) {
                outputs.add(output(imageDirectory, path));
            }
        }
        return outputs;
    }

    private static Output output(Path imageDirectory, Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new Output(
                imageDirectory.relativize(path).toString().replace('\\', '/'),
                attributes.size(),
                attributes.lastModifiedTime().toMillis());
    }

    /** "image-oci.tar changed", "layout/index.json is missing": the first difference. */
    private static String describe(List<Output> recorded, List<Output> now) {
        Map<String, Output> byPath = new TreeMap<>();
        now.forEach(output -> byPath.put(output.path(), output));
        for (Output output : recorded) {
            Output current = byPath.remove(output.path());
            if (current == null) {
                return output.path() + " is missing";
            }
            if (!current.equals(output)) {
                return output.path() + " changed";
            }
        }
        return byPath.keySet().iterator().next() + " was added";
    }
}
