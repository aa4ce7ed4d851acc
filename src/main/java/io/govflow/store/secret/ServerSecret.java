package io.govflow.store.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Directories;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreHealth;

/**
 * The server's HMAC key, {@code data/.govflow-secret}: 32 random bytes as 64 hex digits, mode 0600. Created on
 * first start with create-if-absent semantics — a fully written, fsynced temp file is hard-linked to the name
 * ({@code link(2)} never replaces), so when two instances race both end up reading the one secret that won.
 */
public final class ServerSecret {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSecret.class);
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private ServerSecret(byte[] key) {
        this.key = key;
    }

    /** Reads the secret, creating it first when the file does not exist. */
    public static ServerSecret loadOrCreate(DataDirectory dataDirectory, StoreHealth health) {
        Path file = dataDirectory.secretFile();
        if (!Files.exists(file)) {
            create(dataDirectory, file, health);
        }
        return new ServerSecret(read(file));
    }

    /** Reads the secret if the file exists; never creates it (read-only checks, command-line tools). */
    public static java.util.Optional<ServerSecret> loadIfPresent(DataDirectory dataDirectory) {
        Path file = dataDirectory.secretFile();
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ServerSecret(read(file)));
    }

    /** A secret kept elsewhere (the database): 32 bytes given as 64 lower-case hex digits; empty when malformed. */
    public static java.util.Optional<ServerSecret> fromHex(String hex) {
        return HEX_KEY.matcher(hex).matches() ? java.util.Optional.of(new ServerSecret(HexFormat.of().parseHex(hex)))
                : java.util.Optional.empty();
    }

    /** A new random secret as 64 lower-case hex digits (what is stored). */
    public static String newHex() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** A copy of the key bytes. */
    public byte[] key() {
        return key.clone();
    }

    private static void create(DataDirectory dataDirectory, Path file, StoreHealth health) {
        health.checkNotReadOnly();
        Path dir = Objects.requireNonNull(file.getParent());
        dataDirectory.ensureDirectory(dir);
        byte[] content = (newHex() + "\n").getBytes(StandardCharsets.US_ASCII);
        Path temp = dir.resolve(AtomicFileWriter.tempPrefix(file) + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        try {
            writeSynced(dataDirectory, temp, content);
            publish(temp, file);
            dataDirectory.syncDirectory(dir);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("creating the server secret", file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Server secret was created by another instance; using it");
        } catch (UnsupportedOperationException | IOException noLinks) {
            moveIfAbsent(temp, file);
        }
    }

    /** Where hard links are not supported: a plain move, which refuses an existing target. */
    private static void moveIfAbsent(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Server secret was created by another instance; using it");
        }
    }

    private static void writeSynced(DataDirectory dataDirectory, Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), Directories.fileAttributes(temp))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            dataDirectory.syncFile(channel, temp);
        }
    }

    private static byte[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            throw damaged(file, "it disappeared after it was created");
        } catch (IOException e) {
            throw StorageErrors.readFailed("server secret", file, e);
        }
        if (!HEX_KEY.matcher(text).matches()) {
            throw damaged(file, "expected 64 lower-case hex digits; restore it from a backup, or remove it "
                    + "(signatures made with the old secret then no longer verify)");
        }
        return HexFormat.of().parseHex(text);
    }

    private static GovflowException damaged(Path file, String why) {
        LOG.error("Server secret file {} is not usable: {}", LogText.safe(file), why);
        return new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("file", "server_secret"));
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not remove temp file {}: {}", LogText.safe(temp.getFileName()), LogText.safe(e));
        }
    }
}
