package io.github.staticgo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file looks like without reading it: its size, its modification time at the file system's full
 * precision and its file key (device and inode where the system has them), or "absent". Two equal stamps
 * mean the file was neither written nor replaced in between; the stamp of a symbolic link is its target's.
 */
public final class FileStamp {
    private FileStamp() {}

    public static String of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + ":" + attributes.lastModifiedTime() + ":" + attributes.fileKey();
        } catch (IOException absent) {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "unreadable" : "absent";
        }
    }
}
