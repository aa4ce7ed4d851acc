package io.govflow.durability.powerloss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.durability.powerloss.PowerLossRecorder.DirNode;
import io.govflow.durability.powerloss.PowerLossRecorder.FileNode;
import io.govflow.durability.powerloss.PowerLossRecorder.Node;

/**
 * What the disk holds after a simulated power cut: the durable entries of every directory (relative to the data
 * directory) and, for files appended in place, the bytes written after their last fsync.
 */
public final class DurableImage {

    /** How the unsynced bytes fare. */
    public enum Variant {
        /** All lost: the weakest outcome POSIX allows. */
        SYNCED_ONLY,
        /** A random part of an unsynced append reached the disk, or the size did and the data did not (zeros). */
        TORN_APPENDS
    }

    private static final Pattern TEMP_NAME = Pattern.compile("(\\..+\\.tmp-)\\d+(-.+)");
    private static final long DEAD_PID = 999_999_999L;

    private final Map<Path, Map<String, Node>> directories;
    private final Map<Path, byte[]> unsyncedTails;

    DurableImage(Map<Path, Map<String, Node>> directories, Map<Path, byte[]> unsyncedTails) {
        this.directories = directories;
        this.unsyncedTails = unsyncedTails;
    }

    /** Writes the image as a data directory at {@code target}; directories no durable entry reaches are lost. */
    public void materialize(Path target, Variant variant, Random random) {
        try {
            Files.createDirectories(target);
            write(Path.of(""), target, variant, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int unsyncedTails() {
        return unsyncedTails.size();
    }

    private void write(Path relative, Path target, Variant variant, Random random) throws IOException {
        for (Map.Entry<String, Node> entry : directories.getOrDefault(relative, Map.of()).entrySet()) {
            Path child = target.resolve(afterPowerCut(entry.getKey()));
            if (entry.getValue() instanceof DirNode) {
                Files.createDirectories(child);
                write(relative.resolve(entry.getKey()), child, variant, random);
            } else if (entry.getValue() instanceof FileNode file) {
                Files.write(child, content(relative.resolve(entry.getKey()), file.content(), variant, random));
            }
        }
    }

    /**
     * After a power cut no writer is alive, but the service that recovers this image runs in the test's JVM,
     * whose pid the temp files of the cut carry: they are given a pid that cannot be alive, so that start-up
     * treats them as it would on a rebooted machine. They are as young as the cut, so start-up leaves them in
     * place (it removes orphans only once they are older than the temp-file maximum age).
     */
    private static String afterPowerCut(String name) {
        Matcher temp = TEMP_NAME.matcher(name);
        return temp.matches() ? temp.group(1) + DEAD_PID + temp.group(2) : name;
    }

    private byte[] content(Path relative, byte[] synced, Variant variant, Random random) {
        byte[] tail = unsyncedTails.get(relative);
        if (variant == Variant.SYNCED_ONLY || tail == null) {
            return synced;
        }
        int kept = random.nextInt(tail.length + 1);
        byte[] out = Arrays.copyOf(synced, synced.length + kept);
        if (random.nextBoolean()) {
            System.arraycopy(tail, 0, out, synced.length, kept);
        }
        return out;
    }
}
