package io.govflow.store.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached-file mechanism on the real file system; "parsed" counts the parser's calls. */
class CachedFileTest {

    /** An mtime long settled, with a sub-second part (a fine-grained file system). */
    private static final FileTime SETTLED = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)
            .truncatedTo(ChronoUnit.SECONDS).plusMillis(123));
    private static final FileTime ALSO_SETTLED = FileTime.from(SETTLED.toInstant().minusSeconds(60));

    @TempDir
    Path temp;

    private final AtomicInteger parsed = new AtomicInteger();
    private final List<Exception> damages = new ArrayList<>();

    private CachedFile<String> cached(Path file) {
        return new CachedFile<>(file, "test file", "<absent>", bytes -> {
            parsed.incrementAndGet();
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("!")) {
                throw new FileFormatException("damaged");
            }
            return text;
        }, (file1, cause) -> {
            damages.add(cause);
            return new IllegalStateException("damaged " + file1.getFileName());
        });
    }

    private Path settledFile(String content) throws IOException {
        Path file = temp.resolve("value.json");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, SETTLED);
        return file;
    }

    @Test
    void aSettledFileIsParsedOnce() throws IOException {
        CachedFile<String> cached = cached(settledFile("one"));

        assertThat(cached.get()).isEqualTo("one");
        assertThat(cached.get()).isEqualTo("one");
        assertThat(parsed).hasValue(1);
    }

    @Test
    void aChangeOfSizeAloneIsSeen() throws IOException {
        Path file = settledFile("one");
        CachedFile<String> cached = cached(file);
        cached.get();

        Files.writeString(file, "three"); // in place: same file key
        Files.setLastModifiedTime(file, SETTLED);

        assertThat(cached.get()).isEqualTo("three");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void aChangeOfMtimeAloneIsSeen() throws IOException {
        Path file = settledFile("one");
        CachedFile<String> cached = cached(file);
        cached.get();

        Files.writeString(file, "two"); // in place, same size
        Files.setLastModifiedTime(file, ALSO_SETTLED);

        assertThat(cached.get()).isEqualTo("two");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void anAtomicReplaceWithTheSameSizeAndMtimeIsSeenByItsFileKey() throws IOException {
        Path file = settledFile("one");
        CachedFile<String> cached = cached(file);
        cached.get();

        Path next = temp.resolve(".value.json.tmp");
        Files.writeString(next, "two");
        Files.setLastModifiedTime(next, SETTLED);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(cached.get()).isEqualTo("two");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void insideTheRacyWindowAChangeThatKeepsTheStampIsSeen() throws IOException {
        // An mtime ahead of the clock stays inside the window for the whole test.
        FileTime racy = FileTime.from(Instant.now().plus(1, ChronoUnit.HOURS).plusMillis(7));
        Path file = settledFile("one");
        Files.setLastModifiedTime(file, racy);
        CachedFile<String> cached = cached(file);
        assertThat(cached.get()).isEqualTo("one");
        assertThat(cached.get()).isEqualTo("one");
        assertThat(parsed).as("unchanged bytes are not parsed again").hasValue(1);

        Files.writeString(file, "two"); // in place: same size, same file key
        Files.setLastModifiedTime(file, racy);

        assertThat(cached.get()).isEqualTo("two");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void outsideTheRacyWindowTheStampIsTrusted() throws IOException {
        Path file = settledFile("one");
        CachedFile<String> cached = cached(file);
        cached.get();

        Files.writeString(file, "two"); // in place, and the stamp put back as it was: nothing to see by a stat
        Files.setLastModifiedTime(file, SETTLED);

        assertThat(cached.get()).isEqualTo("one");
        assertThat(cached.reread()).as("a re-read ignores the stamp").isEqualTo("two");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void aRewriteWithTheSameBytesIsReadButNotParsed() throws IOException {
        Path file = settledFile("one");
        CachedFile<String> cached = cached(file);
        String first = cached.get();

        Path next = temp.resolve(".value.json.tmp");
        Files.writeString(next, "one");
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(cached.get()).isSameAs(first);
        assertThat(parsed).hasValue(1);
    }

    @Test
    void theWindowIsTheMtimeGranularity() {
        long wholeSecond = TimeUnit.SECONDS.toNanos(1_700_000_000L);
        long subSecond = wholeSecond + 4_000_000;
        assertThat(CachedFile.racyWindowNanos(wholeSecond)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(CachedFile.racyWindowNanos(subSecond)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));

        FileStamp coarse = new FileStamp(3, wholeSecond, "inode", true);
        FileStamp fine = new FileStamp(3, subSecond, "inode", true);
        long oneSecondLater = wholeSecond + TimeUnit.SECONDS.toNanos(1);
        assertThat(CachedFile.settled(coarse, oneSecondLater)).isFalse();
        assertThat(CachedFile.settled(coarse, wholeSecond + TimeUnit.SECONDS.toNanos(3))).isTrue();
        assertThat(CachedFile.settled(fine, subSecond + TimeUnit.MILLISECONDS.toNanos(10))).isFalse();
        assertThat(CachedFile.settled(fine, oneSecondLater)).isTrue();
        assertThat(CachedFile.settled(null, 0)).isTrue();
    }

    @Test
    void anAbsentFileIsTheAbsentValueAndNothingIsCreated() throws IOException {
        Path file = temp.resolve("missing/value.json");
        CachedFile<String> cached = cached(file);

        assertThat(cached.get()).isEqualTo("<absent>");
        assertThat(cached.get()).isEqualTo("<absent>");
        assertThat(parsed).hasValue(0);
        assertThat(temp.resolve("missing")).doesNotExist();

        Files.createDirectories(file.getParent());
        Files.writeString(file, "now");
        assertThat(cached.get()).isEqualTo("now");
        Files.delete(file);
        assertThat(cached.get()).isEqualTo("<absent>");
    }

    @Test
    void aDamagedFileIsTheCallersErrorEveryTimeUntilRepaired() throws IOException {
        Path file = settledFile("!broken");
        CachedFile<String> cached = cached(file);

        assertThatThrownBy(cached::get).isInstanceOf(IllegalStateException.class).hasMessage("damaged value.json");
        assertThatThrownBy(cached::get).isInstanceOf(IllegalStateException.class);
        assertThat(damages).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(FileFormatException.class));
        assertThat(Files.readString(file)).isEqualTo("!broken");

        Files.writeString(file, "repaired");
        Files.setLastModifiedTime(file, SETTLED);
        assertThat(cached.get()).isEqualTo("repaired");
    }

    @Test
    void aSymbolicLinkIsRefusedNotFollowed() throws IOException {
        Path outside = temp.resolve("outside.json");
        Files.writeString(outside, "secret");
        Path file = temp.resolve("value.json");
        Files.createSymbolicLink(file, outside);
        CachedFile<String> cached = cached(file);

        assertThatThrownBy(cached::get).isInstanceOf(IllegalStateException.class);
        assertThat(parsed).hasValue(0);
        assertThat(damages).singleElement().isInstanceOf(FileFormatException.class);

        Files.createDirectory(temp.resolve("dir"));
        assertThatThrownBy(cached(temp.resolve("dir"))::get).isInstanceOf(IllegalStateException.class);
        assertThat(parsed).hasValue(0);
    }

    @Test
    void aWriterObservesWhatItWroteAndIsNotParsedAgain() throws IOException {
        Path file = settledFile("one");
        CachedFile<String> cached = cached(file);
        cached.get();

        Path next = temp.resolve(".value.json.tmp");
        Files.writeString(next, "written");
        Files.setLastModifiedTime(next, ALSO_SETTLED);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        cached.observeWritten("written");

        assertThat(cached.get()).isEqualTo("written");
        assertThat(parsed).hasValue(1);

        cached.forget();
        assertThat(cached.get()).isEqualTo("written");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void aWriterThatGivesItsBytesIsNotParsedInsideTheRacyWindowEither() throws IOException {
        Path file = temp.resolve("value.json");
        CachedFile<String> cached = cached(file);
        byte[] written = "written".getBytes(StandardCharsets.UTF_8);
        Files.write(file, written);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(1, ChronoUnit.HOURS).plusMillis(7)));
        cached.observeWritten("written", written);

        assertThat(cached.get()).isEqualTo("written");
        assertThat(cached.get()).isEqualTo("written");
        assertThat(parsed).hasValue(0);
    }
}
