package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Creating directories (0700) and files (0600) with POSIX permissions where the file system has them. */
public final class Directories {

    private Directories() {
    }

    /**
     * Creates {@code dir} and any missing parents with mode 0700; never fails because one exists.
     *
     * @return the directories this call created, outermost first (their parents need an fsync to be durable)
     */
    public static List<Path> createMissing(Path dir) throws IOException {
        List<Path> created = new ArrayList<>();
        createMissing(dir.toAbsolutePath(), created);
        return created;
    }

    private static void createMissing(Path dir, List<Path> created) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createMissing(parent, created);
        }
        try {
            Files.createDirectory(dir, directoryAttributes(dir));
            created.add(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Mode 0700 at creation where POSIX permissions exist, nothing otherwise. */
    public static FileAttribute<?>[] directoryAttributes(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    /** Mode 0600 at creation where POSIX permissions exist, nothing otherwise. */
    public static FileAttribute<?>[] fileAttributes(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        Set<String> views = path.getFileSystem().supportedFileAttributeViews();
        return views.contains("posix");
    }
}
