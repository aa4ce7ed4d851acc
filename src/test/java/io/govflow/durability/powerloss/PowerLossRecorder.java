package io.govflow.durability.powerloss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.govflow.store.io.Fsync;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Fsync} that performs the real fsync and also keeps a model of what a disk would hold after a power
 * cut at this instant, under the weakest POSIX guarantees:
 * <ul>
 * <li>a file's content is durable as of its last fsync (nothing written after it is);</li>
 * <li>a directory's entries (created, renamed, removed names) are durable as of that directory's last fsync;
 * an entry made durable before its file was ever fsynced holds an empty file.</li>
 * </ul>
 * Files are identified by their inode ({@code fileKey}). Inodes are reused after deletion, so the content
 * synced for an inode is trusted for a directory entry only when it was synced under that entry's name, or under
 * a temp name in the same directory (renamed or hard-linked into place) with the modification time it had then;
 * every file the store writes is one of the two.
 *
 * <p>{@link #freeze()} copies the model: that is the disk after a power cut now. Calls that arrive during the
 * freeze wait for it, so every fsync that returned to the store before the freeze is in the copy, and with it
 * every write the service acknowledged before.
 *
 * <p>A {@link Skip} makes the model ignore one kind of fsync, as if the store did not call it: the test that
 * shows that the simulation finds such a store.
 */
public final class PowerLossRecorder implements Fsync {

    /** An fsync the model can pretend the store does not make. */
    public enum Skip {
        NOTHING, DIRECTORY_SYNCS, TEMP_FILE_SYNCS, IN_PLACE_FILE_SYNCS
    }

    /** An entry of a directory on the simulated disk. */
    sealed interface Node permits DirNode, FileNode {
    }

    record DirNode() implements Node {
    }

    record FileNode(Object inode, byte[] content) implements Node {
    }

    private record Synced(Path path, byte[] content, FileTime modified) {
    }

    private static final byte[] EMPTY = new byte[0];

    private final Path root;
    private final Object lock = new Object();
    private final Map<Path, Map<String, Node>> durable = new HashMap<>();
    private final Map<Object, Synced> latest = new HashMap<>();
    private volatile Skip skip = Skip.NOTHING;

    /** The model starts from what is under {@code root} now, taken as durable. */
    public PowerLossRecorder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        synchronized (lock) {
            baseline(this.root);
        }
    }

    public void skip(Skip what) {
        this.skip = what;
    }

    @Override
    public void file(FileChannel channel, boolean metaData) throws IOException {
        Fsync.SYSTEM.file(channel, metaData);
    }

    @Override
    public void file(FileChannel channel, Path path, boolean metaData) throws IOException {
        Fsync.SYSTEM.file(channel, metaData);
        Path file = path.toAbsolutePath().normalize();
        boolean temp = isTemp(file.getFileName().toString());
        if (!file.startsWith(root) || skip == Skip.TEMP_FILE_SYNCS && temp
                || skip == Skip.IN_PLACE_FILE_SYNCS && !temp) {
            return;
        }
        synchronized (lock) {
            Object inode = inode(file);
            if (inode == null) {
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            byte[] content = Files.readAllBytes(file);
            latest.put(inode, new Synced(file, content, modified));
            for (Map.Entry<Path, Map<String, Node>> dir : durable.entrySet()) {
                for (Map.Entry<String, Node> entry : dir.getValue().entrySet()) {
                    if (entry.getValue() instanceof FileNode node && node.inode().equals(inode)
                            && inode.equals(inode(dir.getKey().resolve(entry.getKey())))) {
                        entry.setValue(new FileNode(inode, content));
                    }
                }
            }
        }
    }

    @Override
    public void directory(Path dir) throws IOException {
        Fsync.SYSTEM.directory(dir);
        Path directory = dir.toAbsolutePath().normalize();
        if (!directory.startsWith(root) || skip == Skip.DIRECTORY_SYNCS) {
            return;
        }
        synchronized (lock) {
            Map<String, Node> previous = durable.getOrDefault(directory, Map.of());
            Map<String, Node> entries = new HashMap<>();
            for (Path child : list(directory)) {
                add(entries, child, previous);
            }
            // readdir may miss a name that a concurrent rename replaced; the name itself never went away
            for (String name : previous.keySet()) {
                if (!entries.containsKey(name)) {
                    add(entries, directory.resolve(name), previous);
                }
            }
            durable.put(directory, entries);
        }
    }

    /** The simulated disk after a power cut now. */
    public DurableImage freeze() {
        synchronized (lock) {
            Map<Path, Map<String, Node>> copy = new HashMap<>();
            Map<Path, byte[]> unsyncedTails = new HashMap<>();
            for (Map.Entry<Path, Map<String, Node>> dir : durable.entrySet()) {
                Path relative = root.relativize(dir.getKey());
                copy.put(relative, Map.copyOf(dir.getValue()));
                for (Map.Entry<String, Node> entry : dir.getValue().entrySet()) {
                    if (entry.getValue() instanceof FileNode node) {
                        byte[] tail = unsyncedTail(dir.getKey().resolve(entry.getKey()), node);
                        if (tail.length > 0) {
                            unsyncedTails.put(relative.resolve(entry.getKey()), tail);
                        }
                    }
                }
            }
            return new DurableImage(copy, unsyncedTails);
        }
    }

    /** Bytes appended in place after the last fsync (an update-log line written but not yet forced). */
    private static byte[] unsyncedTail(Path file, FileNode node) {
        try {
            if (!node.inode().equals(inode(file))) {
                return EMPTY;
            }
            byte[] now = Files.readAllBytes(file);
            if (now.length <= node.content().length
                    || !Arrays.equals(now, 0, node.content().length, node.content(), 0, node.content().length)) {
                return EMPTY;
            }
            return Arrays.copyOfRange(now, node.content().length, now.length);
        } catch (IOException e) {
            return EMPTY;
        }
    }

    private void add(Map<String, Node> entries, Path child, Map<String, Node> previous) {
        BasicFileAttributes attributes = attributes(child);
        if (attributes == null) {
            return;
        }
        String name = child.getFileName().toString();
        if (attributes.isDirectory()) {
            entries.put(name, new DirNode());
        } else if (attributes.isRegularFile()) {
            Object inode = Objects.requireNonNull(attributes.fileKey());
            Synced synced = latest.get(inode);
            byte[] content = EMPTY;
            if (synced != null && sameIncarnation(synced, child, attributes.lastModifiedTime())) {
                content = synced.content();
            } else if (previous.get(name) instanceof FileNode known && known.inode().equals(inode)) {
                content = known.content();
            }
            entries.put(name, new FileNode(inode, content));
        }
    }

    private void baseline(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, Node> entries = new HashMap<>();
        for (Path child : list(dir)) {
            BasicFileAttributes attributes = attributes(child);
            if (attributes == null) {
                continue;
            }
            if (attributes.isDirectory()) {
                entries.put(child.getFileName().toString(), new DirNode());
                baseline(child);
            } else if (attributes.isRegularFile()) {
                try {
                    byte[] content = Files.readAllBytes(child);
                    latest.put(attributes.fileKey(), new Synced(child, content, attributes.lastModifiedTime()));
                    entries.put(child.getFileName().toString(), new FileNode(attributes.fileKey(), content));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        durable.put(dir, entries);
    }

    /**
     * Content synced for this inode belongs to the file at {@code entry}: synced under that name, or under a temp
     * name beside it and not modified since (a reused inode is a new file, created later).
     */
    private static boolean sameIncarnation(Synced synced, Path entry, FileTime entryModified) {
        if (synced.path().equals(entry)) {
            return true;
        }
        return Objects.equals(synced.path().getParent(), entry.getParent())
                && isTemp(synced.path().getFileName().toString()) && synced.modified().equals(entryModified);
    }

    private static boolean isTemp(String name) {
        return name.startsWith(".") && name.contains(".tmp-");
    }

    private static @Nullable Object inode(Path file) {
        BasicFileAttributes attributes = attributes(file);
        return attributes == null ? null : attributes.fileKey();
    }

    private static @Nullable BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.toList();
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
