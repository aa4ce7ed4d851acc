package io.govflow.store.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.ContentWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The files in {@code history/} and {@code exports/}. Every path is built here from a checked name and must stay
 * directly inside its directory. New files never replace existing ones; a replacement is asked for explicitly.
 */
public final class ExportFiles {

    private static final int TAIL_BYTES = 4096;

    private final DataDirectory dataDirectory;
    private final AtomicFileWriter writer;
    private final StoreJson json;

    public ExportFiles(DataDirectory dataDirectory, AtomicFileWriter writer, StoreJson json) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.json = json;
    }

    public Path directory(ExportKind kind) {
        return kind == ExportKind.HISTORY ? dataDirectory.historyDir() : dataDirectory.exportsDir();
    }

    /** The path of a file name in a kind's directory; {@code INVALID_FILENAME} unless it stays directly inside. */
    public Path resolve(ExportKind kind, String fileName) {
        ExportNames.requireFileName(fileName);
        Path dir = directory(kind);
        Path path = dir.resolve(fileName).normalize();
        if (!dir.equals(path.getParent())) {
            throw new GovflowException(ErrorCode.INVALID_FILENAME);
        }
        return path;
    }

    /** Writes a new file under the first free name; empty when all are taken. Never replaces a file. */
    public Optional<Path> createNew(ExportKind kind, Iterator<String> names, ContentWriter body) {
        Iterator<String> checked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public String next() {
                return resolve(kind, names.next()).getFileName().toString();
            }
        };
        return writer.writeNew(directory(kind), checked, body);
    }

    /** Replaces (or creates) the file atomically. */
    public Path replace(ExportKind kind, String fileName, ContentWriter body) {
        Path path = resolve(kind, fileName);
        writer.write(path, body);
        return path;
    }

    /** An existing regular file (symbolic links are not followed), if any. */
    public Optional<Path> find(ExportKind kind, String fileName) {
        Path path = resolve(kind, fileName);
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Optional.of(path) : Optional.empty();
    }

    public String relative(Path path) {
        return dataDirectory.relative(path);
    }

    public long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw StorageErrors.readFailed("export file", path, e);
        }
    }

    public InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new GovflowException(ErrorCode.EXPORT_NOT_FOUND);
        } catch (IOException e) {
            throw StorageErrors.readFailed("export file", path, e);
        }
    }

    /** Removes one export file (the admin's prune); false when it was already gone. */
    public boolean delete(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("delete export file", path, e);
        }
    }

    /** Every export file (names the service can serve; temp files and anything else are skipped), by name. */
    public List<ExportFile> list(@Nullable ExportKind only) {
        List<ExportFile> files = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            if (only == null || only == kind) {
                files.addAll(listDirectory(kind));
            }
        }
        return files;
    }

    /** Every regular, non-hidden file of a kind's directory, by name, whatever its name (for the validator). */
    public List<Path> allFiles(ExportKind kind) {
        Path dir = directory(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                if (!path.getFileName().toString().startsWith(".")
                        && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    paths.add(path);
                }
            }
        } catch (IOException e) {
            throw StorageErrors.readFailed("export directory", dir, e);
        }
        paths.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return paths;
    }

    private List<ExportFile> listDirectory(ExportKind kind) {
        List<ExportFile> files = new ArrayList<>();
        for (Path path : allFiles(kind)) {
            String name = path.getFileName().toString();
            if (!ExportNames.isServable(name)) {
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                files.add(new ExportFile(kind, name, relative(path), path, attributes.size(),
                        Timestamps.format(attributes.lastModifiedTime().toInstant()), agentIdOf(path)));
            } catch (NoSuchFileException e) {
                // removed while listing
            } catch (IOException e) {
                throw StorageErrors.readFailed("export file attributes", path, e);
            }
        }
        return files;
    }

    /**
     * The agent an export file belongs to: the {@code agent_id} its document names (the service writes it, so an
     * agent cannot forge it), else the agent id of its automatic name; null when neither can be read.
     */
    public @Nullable String ownerOf(ExportKind kind, Path path) {
        String named = agentIdOf(path);
        return named != null ? named : ExportNames.check(kind, path.getFileName().toString()).agentId().orElse(null);
    }

    /** The {@code agent_id} a document names: the first top-level field of a JSON export, the CSV summary row. */
    public @Nullable String agentIdOf(Path path) {
        try {
            return path.getFileName().toString().endsWith(".csv") ? csvAgentId(path) : jsonAgentId(path);
        } catch (IOException | UncheckedIOException | JacksonException e) {
            return null;
        }
    }

    private @Nullable String jsonAgentId(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path); JsonParser parser = json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("agent_id".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return null;
        }
    }

    private static @Nullable String csvAgentId(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, size - length + buffer.position()) > 0) {
                // keep reading
            }
            String tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            for (String line : tail.split("\r?\n")) {
                if (line.startsWith("agent_id,")) {
                    String value = line.substring("agent_id,".length());
                    int comma = value.indexOf(',');
                    return comma < 0 ? value : value.substring(0, comma);
                }
            }
            return null;
        }
    }
}
