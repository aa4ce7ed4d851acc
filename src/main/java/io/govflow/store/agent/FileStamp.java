package io.govflow.store.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * What identifies one version of a file without reading it: size, modification time and file key (device +
 * inode; every atomic replace brings a new inode).
 */
record FileStamp(long size, long modifiedNanos, @Nullable Object fileKey) {

    /** The file's stamp, or null when it does not exist. */
    static @Nullable FileStamp of(Path path) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            long nanos = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            return new FileStamp(attrs.size(), nanos, attrs.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
