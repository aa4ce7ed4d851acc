package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * What identifies one version of a file without reading it: size, modification time and file key (device +
 * inode; every atomic replace brings a new inode). Taken without following a symbolic link, so a link planted at
 * the path has a stamp of its own and is reported as not a regular file.
 */
public record FileStamp(long size, long modifiedNanos, @Nullable Object fileKey, boolean regularFile) {

    /** The stamp of whatever is at the path (a link itself, not its target), or null when nothing is there. */
    public static @Nullable FileStamp of(Path path) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.fileKey(),
                    attrs.isRegularFile());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
