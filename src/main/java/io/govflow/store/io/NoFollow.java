package io.govflow.store.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reading the store's own files without following symbolic links ({@code O_NOFOLLOW}): a link where a data
 * file belongs was planted, so it is damage to report, never a file to read through (or, for the update log, to
 * append through).
 */
public final class NoFollow {

    private NoFollow() {
    }

    public static byte[] readAllBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    /** True when an open failed because the path is a symbolic link (ELOOP). */
    public static boolean isLink(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String reason = t instanceof FileSystemException fse ? fse.getReason() : t.getMessage();
            if (reason != null && reason.toLowerCase(Locale.ROOT).contains("too many levels of symbolic links")) {
                return true;
            }
        }
        return false;
    }
}
