package io.govflow.store.dialectic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.store.io.CachedFile;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StorageErrors;

/**
 * Every session file, parsed once and kept while it is unchanged on disk (one {@link CachedFile} per file), so that
 * scanning all sessions costs a directory listing and a stat per file. Files are read without following a symbolic
 * link. Takes no lock and never writes; a damaged file (or a link planted in a file's place) is logged and left
 * out.
 */
public final class SessionCatalog implements SessionListing {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCatalog.class);
    private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{16}\\.json");

    private final DataDirectory dataDirectory;
    private final SessionCodec codec;
    private final ConcurrentHashMap<String, CachedFile<Optional<DialecticSession>>> files = new ConcurrentHashMap<>();

    public SessionCatalog(DataDirectory dataDirectory, SessionCodec codec) {
        this.dataDirectory = dataDirectory;
        this.codec = codec;
    }

    /** Every readable session file as it is on disk now. */
    @Override
    public List<DialecticSession> all() {
        Path dir = dataDirectory.sessionsDir();
        List<DialecticSession> sessions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                for (Path file : listing) {
                    String name = file.getFileName().toString();
                    if (FILE_NAME.matcher(name).matches()) {
                        seen.add(name);
                        current(files.computeIfAbsent(name, n -> cachedFile(file))).ifPresent(sessions::add);
                    }
                }
            } catch (IOException e) {
                throw StorageErrors.readFailed("session directory", dir, e);
            }
        }
        files.keySet().retainAll(seen);
        return sessions;
    }

    private CachedFile<Optional<DialecticSession>> cachedFile(Path file) {
        return new CachedFile<>(file, "session file", Optional.empty(), content -> Optional.of(codec.parse(content)),
                (damaged, cause) -> {
                    LOG.warn("Skipping damaged session file {}: {}", LogText.safe(damaged.getFileName()),
                            LogText.safe(cause));
                    return new DamagedSession();
                });
    }

    private static Optional<DialecticSession> current(CachedFile<Optional<DialecticSession>> file) {
        try {
            return file.get();
        } catch (DamagedSession logged) {
            return Optional.empty();
        }
    }

    /** A damaged file, already logged: the scan leaves it out. */
    private static final class DamagedSession extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DamagedSession() {
            super("damaged session file", null, false, false);
        }
    }
}
