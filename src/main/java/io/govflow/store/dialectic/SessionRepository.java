package io.govflow.store.dialectic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.NoFollow;
import io.govflow.store.io.StorageErrors;

/**
 * The session files. Reads take no lock, never write and never follow a symbolic link; {@link #write} replaces a
 * file atomically and must be called under the session's lock (the flow holds it across read, check and write). A
 * damaged file, or a link planted in a file's place, is {@code STATE_CORRUPT} when asked for by id and skipped
 * (with a log line) when listing.
 */
public final class SessionRepository implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRepository.class);
    private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{16}\\.json");

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final SessionCodec codec;

    public SessionRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, SessionCodec codec) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.codec = codec;
    }

    @Override
    public SessionCodec codec() {
        return codec;
    }

    @Override
    public Optional<DialecticSession> find(String sessionId) {
        Path file = dataDirectory.sessionFile(sessionId);
        try {
            return Optional.of(codec.parse(NoFollow.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | FileFormatException e) {
            throw corrupt(sessionId, file, e);
        }
    }

    @Override
    public boolean exists(String sessionId) {
        return Files.exists(dataDirectory.sessionFile(sessionId), LinkOption.NOFOLLOW_LINKS);
    }

    /** Every readable session file (damaged ones are logged and left out). */
    @Override
    public List<DialecticSession> list() {
        Path dir = dataDirectory.sessionsDir();
        List<DialecticSession> sessions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return sessions;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (FILE_NAME.matcher(file.getFileName().toString()).matches()) {
                    readListed(file).ifPresent(sessions::add);
                }
            }
        } catch (IOException e) {
            throw StorageErrors.readFailed("session directory", dir, e);
        }
        return sessions;
    }

    /** Every session file, readable or not, by file name (for the consistency report). */
    @Override
    public List<ScannedSession> scan() {
        Path dir = dataDirectory.sessionsDir();
        List<ScannedSession> scanned = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return scanned;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!FILE_NAME.matcher(name).matches()) {
                    continue;
                }
                try {
                    scanned.add(new ScannedSession(name, codec.parse(NoFollow.readAllBytes(file)), false));
                } catch (NoSuchFileException e) {
                    // removed meanwhile
                } catch (IOException | FileFormatException e) {
                    scanned.add(new ScannedSession(name, null, true));
                }
            }
        } catch (IOException e) {
            throw StorageErrors.readFailed("session directory", dir, e);
        }
        scanned.sort(java.util.Comparator.comparing(ScannedSession::fileName));
        return scanned;
    }

    /** Replaces the session's file atomically. The caller holds the session lock. */
    @Override
    public void write(DialecticSession session) {
        writer.write(dataDirectory.sessionFile(session.sessionId()), codec.format(session));
    }

    /** Writes the session's file unless it exists. The caller holds the session lock, so no one else writes it. */
    @Override
    public boolean createIfAbsent(DialecticSession session) {
        if (exists(session.sessionId())) {
            return false;
        }
        write(session);
        return true;
    }

    private Optional<DialecticSession> readListed(Path file) {
        try {
            return Optional.of(codec.parse(NoFollow.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | FileFormatException e) {
            LOG.warn("Skipping damaged session file {}: {}", LogText.safe(file.getFileName()), LogText.safe(e));
            return Optional.empty();
        }
    }

    private static GovflowException corrupt(String sessionId, Path file, Exception e) {
        LOG.error("Damaged session file {}: {}", LogText.safe(file), LogText.safe(e));
        return new GovflowException(ErrorCode.STATE_CORRUPT,
                Map.of("file", "dialectic_session", "session_id", sessionId), null, e);
    }
}
