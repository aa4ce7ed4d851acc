package io.govflow.store.dialectic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StorageErrors;

/**
 * Every session file, parsed once and kept while the file's stamp (size, mtime, file key) stays the same, so that
 * scanning all sessions costs a directory listing and a stat per file. As for the knowledge graph, a stamp seen
 * within two seconds of the file's mtime is not trusted (a second write in the same mtime tick could keep it): such
 * a file is read again. Takes no lock and never writes; a damaged file is logged and left out.
 */
public final class SessionCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCatalog.class);
    private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{16}\\.json");
    private static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final DataDirectory dataDirectory;
    private final SessionCodec codec;
    private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();

    public SessionCatalog(DataDirectory dataDirectory, SessionCodec codec) {
        this.dataDirectory = dataDirectory;
        this.codec = codec;
    }

    /** Every readable session file as it is on disk now. */
    public List<DialecticSession> all() {
        Path dir = dataDirectory.sessionsDir();
        List<DialecticSession> sessions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (FILE_NAME.matcher(name).matches()) {
                        seen.add(name);
                        current(name, file).ifPresent(sessions::add);
                    }
                }
            } catch (IOException e) {
                throw StorageErrors.readFailed("session directory", dir, e);
            }
        }
        parsed.keySet().retainAll(seen);
        return sessions;
    }

    private Optional<DialecticSession> current(String name, Path file) {
        Stamp stamp = stamp(file);
        if (stamp == null) {
            parsed.remove(name);
            return Optional.empty();
        }
        Parsed cached = parsed.get(name);
        if (cached != null && cached.trusts(stamp)) {
            return Optional.of(cached.session());
        }
        try {
            DialecticSession session = codec.parse(Files.readAllBytes(file));
            parsed.put(name, Parsed.observe(stamp, session));
            return Optional.of(session);
        } catch (NoSuchFileException e) {
            parsed.remove(name);
            return Optional.empty();
        } catch (IOException | FileFormatException e) {
            LOG.warn("Skipping damaged session file {}: {}", LogText.safe(name), LogText.safe(e));
            parsed.remove(name);
            return Optional.empty();
        }
    }

    private static @Nullable Stamp stamp(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw StorageErrors.readFailed("session file attributes", file, e);
        }
    }

    private record Stamp(long size, long modifiedNanos, @Nullable Object fileKey) {
    }

    /** A parsed file, the stamp it had when read before parsing, and when that stamp was observed. */
    private record Parsed(Stamp stamp, long observedAtNanos, DialecticSession session) {

        static Parsed observe(Stamp stamp, DialecticSession session) {
            Instant now = Instant.now();
            return new Parsed(stamp, TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano(), session);
        }

        boolean trusts(Stamp current) {
            return Objects.equals(stamp, current) && observedAtNanos - current.modifiedNanos() > RACY_WINDOW_NANOS;
        }
    }
}
