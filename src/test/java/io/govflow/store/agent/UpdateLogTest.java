package io.govflow.store.agent;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FailingFsync;
import io.govflow.store.io.RecordingFsync;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

import static io.govflow.store.agent.LogEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateLogTest {

    private static final String AGENT = "scout_7";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T15:12:45Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private final StoreHealth health = new StoreHealth();
    private final StoreJson json = new StoreJson();
    private final UpdateLogCodec codec = new UpdateLogCodec(json);

    private DataDirectory dir() {
        return new DataDirectory(root);
    }

    private UpdateLog log() {
        return new UpdateLog(dir(), new AtomicFileWriter(health), health, json, CLOCK);
    }

    private Path logFile() {
        return dir().updateLog(AGENT);
    }

    @Test
    void appendsAndReadsBack() throws Exception {
        UpdateLog log = log();
        appendRange(log, 1, 5);

        assertThat(seqs(log.readTail(AGENT, 3))).containsExactly(3L, 4L, 5L);
        assertThat(seqs(log.readTail(AGENT, 10))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.readTail(AGENT, 10).get(4)).isEqualTo(entry(5));
        assertThat(log.lastSeq(AGENT)).isEqualTo(5);
        assertThat(log.last(AGENT)).contains(entry(5));
        List<UpdateLogEntry> all = new ArrayList<>();
        log.forEach(AGENT, all::add);
        assertThat(seqs(all)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.scan(AGENT)).isEqualTo(new LogScan(5, 1, 5, true, 0, Files.size(logFile())));
        assertThat(Files.readString(logFile())).endsWith("}\n").hasLineCount(5);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logFile()))).isEqualTo("rw-------");
    }

    @Test
    void anAbsentLogIsEmpty() {
        UpdateLog log = log();

        assertThat(log.readTail(AGENT, 5)).isEmpty();
        assertThat(log.lastSeq(AGENT)).isZero();
        assertThat(log.last(AGENT)).isEmpty();
        assertThat(log.scan(AGENT)).isEqualTo(LogScan.EMPTY);
        log.forEach(AGENT, e -> {
            throw new AssertionError("no entries expected");
        });
        assertThat(logFile()).doesNotExist();
    }

    @Test
    void anEntryMustFollowTheLastSeq() throws Exception {
        UpdateLog log = log();
        appendRange(log, 41, 43);
        byte[] before = Files.readAllBytes(logFile());

        assertThatThrownBy(() -> log.append(AGENT, entry(45))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.append(AGENT, entry(43))).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(logFile())).isEqualTo(before);
        assertThat(log.scan(AGENT).firstSeq()).isEqualTo(41);
    }

    @Test
    void aHalfWrittenLineIsQuarantinedBeforeTheNextAppend() throws Exception {
        UpdateLog log = log();
        appendRange(log, 1, 3);
        long goodLength = Files.size(logFile());
        byte[] half = Arrays.copyOf(codec.encode(entry(4)), 40);
        Files.write(logFile(), half, StandardOpenOption.APPEND);

        assertThat(log.lastSeq(AGENT)).isEqualTo(3);
        assertThat(seqs(log.readTail(AGENT, 10))).containsExactly(1L, 2L, 3L);
        assertThat(log.scan(AGENT)).isEqualTo(new LogScan(3, 1, 3, true, 40, goodLength));

        log.append(AGENT, entry(4));

        assertThat(quarantinedFiles()).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("scout_7_updates\\.torn-20251201_151245-[0-9a-f]{8}");
            assertThat(Files.readAllBytes(file)).isEqualTo(half);
        });
        assertThat(log.scan(AGENT)).isEqualTo(new LogScan(4, 1, 4, true, 0, Files.size(logFile())));
        assertThat(log.readTail(AGENT, 1)).containsExactly(entry(4));
    }

    @Test
    void aLastLineFailingItsCrcIsATornTail() throws Exception {
        UpdateLog log = log();
        appendRange(log, 1, 3);
        byte[] content = Files.readAllBytes(logFile());
        int lastLineStart = lastLineStart(content);
        byte[] damaged = content.clone();
        damaged[lastLineStart + 8] ^= 0x01;
        Files.write(logFile(), damaged);

        assertThat(log.lastSeq(AGENT)).isEqualTo(2);
        assertThat(log.scan(AGENT).tornTail()).isEqualTo(content.length - lastLineStart);

        log.append(AGENT, entry(3));

        assertThat(quarantinedFiles()).singleElement().satisfies(file -> assertThat(Files.readAllBytes(file))
                .isEqualTo(Arrays.copyOfRange(damaged, lastLineStart, damaged.length)));
        assertThat(Files.readAllBytes(logFile())).isEqualTo(content);
    }

    @Test
    void aBadLineBeforeTheLastGoodOneIsCorruption() throws Exception {
        UpdateLog log = log();
        appendRange(log, 1, 5);
        byte[] content = Files.readAllBytes(logFile());
        int secondLine = indexOfNewline(content, 0) + 1;
        content[secondLine + 12] ^= 0x01;
        Files.write(logFile(), content);

        assertThat(seqs(log.readTail(AGENT, 3))).containsExactly(3L, 4L, 5L);
        assertCorrupt(() -> log.readTail(AGENT, 10));
        assertCorrupt(() -> log.scan(AGENT));
        assertCorrupt(() -> log.forEach(AGENT, e -> {
        }));
    }

    @Test
    void aBadLineRightBeforeATornTailIsCorruptionAndNothingIsChanged() throws Exception {
        UpdateLog log = log();
        appendRange(log, 1, 3);
        byte[] content = Files.readAllBytes(logFile());
        content[lastLineStart(content) + 8] ^= 0x01;
        Files.write(logFile(), content);
        Files.write(logFile(), "{\"seq\":4".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(logFile());

        assertCorrupt(() -> log.lastSeq(AGENT));
        assertCorrupt(() -> log.append(AGENT, entry(3)));

        assertThat(Files.readAllBytes(logFile())).isEqualTo(before);
        assertThat(root.resolve("quarantine")).doesNotExist();
    }

    @Test
    void theTailOfAHundredThousandLineLogIsReadWithoutTouchingItsHead() throws Exception {
        UpdateLog log = log();
        int count = 100_000;
        Files.createDirectories(logFile().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(logFile()), 1 << 16)) {
            for (long seq = 1; seq <= count; seq++) {
                out.write(codec.encode(entry(seq)));
            }
        }
        assertThat(log.scan(AGENT)).satisfies(scan -> {
            assertThat(scan.entries()).isEqualTo(count);
            assertThat(scan.contiguous()).isTrue();
        });

        overwriteHead(1 << 20);
        long start = System.nanoTime();
        List<UpdateLogEntry> tail = log.readTail(AGENT, 1000);
        long lastSeq = log.lastSeq(AGENT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(seqs(tail)).isEqualTo(LongStream.rangeClosed(count - 999, count).boxed().toList());
        assertThat(lastSeq).isEqualTo(count);
        assertCorrupt(() -> log.scan(AGENT));
        log.append(AGENT, entry(count + 1));
        assertThat(log.lastSeq(AGENT)).isEqualTo(count + 1);
        System.out.printf("readTail(1000) + lastSeq on a %d-line log: %d ms%n", count, millis);
    }

    @Test
    void anAppendAtOffsetZeroFsyncsTheLogsDirectoryEvenWhenAFailedAppendCreatedTheFile() throws Exception {
        UpdateLog failing = new UpdateLog(dir(), new AtomicFileWriter(health), health, json, CLOCK,
                new FailingFsync().failFiles("Input/output error"));
        assertThatThrownBy(() -> failing.append(AGENT, entry(1))).isInstanceOf(GovflowException.class);
        assertThat(logFile()).as("created, then cut back").isEmptyFile();

        StoreHealth restarted = new StoreHealth();
        RecordingFsync fsync = new RecordingFsync();
        UpdateLog log = new UpdateLog(new DataDirectory(root, restarted, fsync), new AtomicFileWriter(restarted),
                restarted, json, CLOCK, fsync);
        log.append(AGENT, entry(1));
        assertThat(fsync.directories()).as("the log's directory holds its new entry durably")
                .contains(logFile().getParent());
        fsync.clear();
        log.append(AGENT, entry(2));
        assertThat(fsync.directories()).as("later appends add no entry").isEmpty();
    }

    @Test
    void aFailedForceLatchesTheStoreReadOnly() throws Exception {
        appendRange(log(), 1, 2);
        UpdateLog failing = new UpdateLog(dir(), new AtomicFileWriter(health), health, json, CLOCK,
                new FailingFsync().failFiles("Input/output error"));

        assertThatThrownBy(() -> failing.append(AGENT, entry(3))).isInstanceOfSatisfying(GovflowException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR);
                    assertThat(e.details()).containsEntry("committed", "unknown");
                });

        assertThat(health.readOnly()).isTrue();
        assertThat(seqs(log().readTail(AGENT, 10))).as("the failed append is cut back").containsExactly(1L, 2L);
        assertThat(log().tornTailBytes(AGENT)).isZero();
        assertThatThrownBy(() -> log().append(AGENT, entry(4))).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_READ_ONLY));
    }

    @Test
    void writeAllReplacesTheLogAndRepairReportsWhatItDid() throws Exception {
        UpdateLog log = log();
        log.writeAll(AGENT, List.of(entry(8), entry(9), entry(10)));
        assertThat(log.scan(AGENT)).satisfies(scan -> {
            assertThat(scan.firstSeq()).isEqualTo(8);
            assertThat(scan.lastSeq()).isEqualTo(10);
        });
        assertThat(log.repairTornTail(AGENT)).isFalse();

        Files.write(logFile(), "garbage".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        assertThat(log.repairTornTail(AGENT)).isTrue();
        assertThat(log.scan(AGENT).hasTornTail()).isFalse();
        assertThat(quarantinedFiles()).hasSize(1);
        log.append(AGENT, entry(11));
        assertThat(log.lastSeq(AGENT)).isEqualTo(11);
    }

    private void appendRange(UpdateLog log, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            log.append(AGENT, entry(seq));
        }
    }

    private void overwriteHead(int bytes) throws Exception {
        byte[] garbage = new byte[bytes];
        Arrays.fill(garbage, (byte) 'x');
        try (FileChannel channel = FileChannel.open(logFile(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(garbage), 0);
        }
    }

    private List<Path> quarantinedFiles() throws Exception {
        try (var files = Files.list(root.resolve("quarantine"))) {
            return files.toList();
        }
    }

    private static List<Long> seqs(List<UpdateLogEntry> entries) {
        return entries.stream().map(UpdateLogEntry::seq).toList();
    }

    private static int lastLineStart(byte[] content) {
        for (int i = content.length - 2; i >= 0; i--) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int indexOfNewline(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void assertCorrupt(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GovflowException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT);
            assertThat(e.details()).containsEntry("agent_id", AGENT).containsEntry("file", "update_log");
        });
    }
}
