package io.govflow.store.dialectic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.support.FileTree;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCatalogTest {

    private final StoreJson json = new StoreJson();
    private final SessionCodec codec = new SessionCodec(json);

    @TempDir
    Path temp;

    @Test
    void listsWhatTheRepositoryListsAndWritesNothing() {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Map<String, String> before = FileTree.fingerprint(data);
        SessionCatalog catalog = new SessionCatalog(new DataDirectory(data), codec);

        List<DialecticSession> first = catalog.all();
        assertThat(first).hasSize(28);
        assertThat(new HashSet<>(first)).isEqualTo(new HashSet<>(repository(data).list()));
        assertThat(new HashSet<>(catalog.all())).isEqualTo(new HashSet<>(first));
        assertThat(FileTree.fingerprint(data)).isEqualTo(before);
        assertThat(new SessionCatalog(new DataDirectory(temp.resolve("empty")), codec).all()).isEmpty();
        assertThat(temp.resolve("empty")).doesNotExist();
    }

    @Test
    void aSettledFileIsParsedOnceAndAChangedOneAgain() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Path dir = data.resolve("dialectic_sessions");
        SessionRepository repository = repository(data);
        SessionCatalog catalog = new SessionCatalog(new DataDirectory(data), codec);
        DialecticSession session = repository.list().get(0);
        Path file = dir.resolve(session.sessionId() + ".json");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));

        DialecticSession parsed = find(catalog.all(), session.sessionId());
        assertThat(find(catalog.all(), session.sessionId())).isSameAs(parsed);

        DialecticSession changed = session.withPhase(DialecticSession.FAILED);
        repository.write(changed);
        assertThat(find(catalog.all(), session.sessionId())).isEqualTo(changed);
        assertThat(find(catalog.all(), session.sessionId())).isEqualTo(changed);
    }

    @Test
    void damagedFilesAreLeftOutAndDeletedOnesDropped() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Path dir = data.resolve("dialectic_sessions");
        SessionCatalog catalog = new SessionCatalog(new DataDirectory(data), codec);
        List<DialecticSession> all = catalog.all();
        Files.writeString(dir.resolve(all.get(0).sessionId() + ".json"), "{\"session_id\": ");
        Files.delete(dir.resolve(all.get(1).sessionId() + ".json"));
        Files.writeString(dir.resolve("not-a-session.json"), "{}");

        List<String> ids = catalog.all().stream().map(DialecticSession::sessionId).toList();
        assertThat(ids).hasSize(26).doesNotContain(all.get(0).sessionId(), all.get(1).sessionId());
    }

    @Test
    void aSymbolicLinkInPlaceOfASessionFileIsLeftOutAndNotFollowed() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp.resolve("data"));
        Path dir = data.resolve("dialectic_sessions");
        SessionCatalog catalog = new SessionCatalog(new DataDirectory(data), codec);
        String linked = catalog.all().get(0).sessionId();
        Path outside = Files.createDirectories(temp.resolve("outside")).resolve("session.json");
        Files.move(dir.resolve(linked + ".json"), outside);
        Files.createSymbolicLink(dir.resolve(linked + ".json"), outside);

        List<String> ids = catalog.all().stream().map(DialecticSession::sessionId).toList();
        assertThat(ids).hasSize(27).doesNotContain(linked);
        assertThat(new SessionCatalog(new DataDirectory(data), codec).all()).hasSize(27);
    }

    private SessionRepository repository(Path root) {
        return new SessionRepository(new DataDirectory(root),
                new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json), codec);
    }

    private static DialecticSession find(List<DialecticSession> sessions, String sessionId) {
        return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst().orElseThrow();
    }
}
