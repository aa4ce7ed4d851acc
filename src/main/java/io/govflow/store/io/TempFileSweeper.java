package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes temp files left by writers that died ({@code .{name}.tmp-{pid}-{random}}). A temp file whose pid is
 * alive on this host may belong to another instance sharing the data directory, so it stays.
 */
public final class TempFileSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(TempFileSweeper.class);
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tmp-(\\d{1,19})-[0-9A-Za-z]+");
    private static final int MAX_DEPTH = 8;

    private final DataDirectory dataDirectory;

    public TempFileSweeper(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Sweeps the data directory; returns how many temp files were removed. */
    public int sweep() {
        Path root = dataDirectory.root();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Visitor visitor = new Visitor();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, visitor);
        } catch (IOException e) {
            LOG.warn("Temp-file sweep stopped early: {}", LogText.safe(e));
        }
        if (visitor.removed > 0) {
            LOG.info("Removed {} temp file(s) left by stopped writers", visitor.removed);
        }
        return visitor.removed;
    }

    /** The writer's pid encoded in a temp-file name, if the name is one of ours. */
    static OptionalLong pidOf(String fileName) {
        Matcher m = TEMP_NAME.matcher(fileName);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean writerIsDead(long pid) {
        return ProcessHandle.of(pid).isEmpty();
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        int removed;

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            OptionalLong pid = pidOf(file.getFileName().toString());
            if (pid.isPresent() && writerIsDead(pid.getAsLong())) {
                delete(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!(e instanceof NoSuchFileException)) {
                LOG.warn("Temp-file sweep skipped {}: {}", LogText.safe(file), LogText.safe(e));
            }
            return FileVisitResult.CONTINUE;
        }

        private void delete(Path file) {
            try {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                LOG.warn("Could not remove temp file {}: {}", LogText.safe(file), LogText.safe(e));
            }
        }
    }
}
