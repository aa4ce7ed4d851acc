package io.govflow.store.io;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM by the lock tests: another process touching a lock file.
 * <ul>
 * <li>{@code hold <file> <millis>}: lock, print LOCKED, sleep, exit;</li>
 * <li>{@code hold-then-unlink <file> <millis>}: the same, but unlink the file before exiting (a cleanup that holds
 * the lock while it removes the file);</li>
 * <li>{@code probe <file>}: print FREE if the lock could be taken, BUSY otherwise.</li>
 * </ul>
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (args[0].equals("probe")) {
                FileLock lock = channel.tryLock();
                System.out.println(lock == null ? "BUSY" : "FREE");
                return;
            }
            channel.lock();
            System.out.println("LOCKED");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[2]));
            if (args[0].equals("hold-then-unlink")) {
                Files.delete(file);
            }
        }
    }
}
