package io.github.staticgo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * What a file looks like without reading it: its size, its modification time at the file system's full
 * precision and its file key (device and inode where the system has them), or "absent". Two equal stamps
 * mean the file was neither written nor replaced in between; the stamp of a symbolic link is its target's.
 */
public final class FileStamp {
    private FileStamp() {}

    public static String of(Path file) {
        try {
            return of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException absent) {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "unreadable" : "absent";
        }
    }

    /** A file with its stamp, as records keep it: {@code <stamp>\t<path>}. */
    public static String recorded(String stamp, Path file) {
        return stamp + "\t" + file;
    }

    /**
     * The first of {@link #recorded} files whose stamp is no longer the one recorded ("the record" for a
     * line that is not one); empty when none changed.
     */
    public static Optional<String> firstChanged(List<String> recorded) {
        for (String line : recorded) {
            String[] stampAndPath = line.split("\t", 2);
            if (stampAndPath.length != 2) {
                return Optional.of("the record");
            }
            if (!of(Path.of(stampAndPath[1])).equals(stampAndPath[0])) {
                return Optional.of(stampAndPath[1]);
            }
        }
        return Optional.empty();
    }

    /** The stamp of attributes already read, as a directory walk hands them over. */
    public static String of(BasicFileAttributes attributes) {
        return attributes.size() + ":" + attributes.lastModifiedTime() + ":" + attributes.fileKey();
    }
}
