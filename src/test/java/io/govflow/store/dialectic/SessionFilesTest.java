package io.govflow.store.dialectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.support.FileTree;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SessionFilesTest {

    private final StoreJson json = new StoreJson();
    private final SessionCodec codec = new SessionCodec(json);

    @TempDir
    Path temp;

    private SessionRepository repository(Path root) {
        return new SessionRepository(new DataDirectory(root),
                new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json), codec);
    }

    @Test
    void everyReferenceSessionLoadsAndServesEveryFieldOfItsFile() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        var before = FileTree.fingerprint(data);
        List<Path> files;
        try (Stream<Path> listing = Files.list(data.resolve("dialectic_sessions"))) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(28);
        for (Path file : files) {
            ObjectNode original = json.parseObject(Files.readAllBytes(file));
            DialecticSession session = codec.parse(Files.readAllBytes(file));
            ObjectNode served = codec.toObject(session);
            for (Map.Entry<String, JsonNode> field : original.properties()) {
                assertThat(served.get(field.getKey())).as(file.getFileName() + " " + field.getKey())
                        .isEqualTo(field.getValue());
            }
            assertThat(codec.parse(codec.format(session))).isEqualTo(session);
        }
        assertThat(repository(data).list()).hasSize(28);
        assertThat(FileTree.fingerprint(data)).isEqualTo(before);
    }

    @Test
    void unknownFieldsSurviveARewriteAndMaxRoundsIsSaved() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        SessionRepository repository = repository(data);
        DialecticSession session = repository.find("6e30cecbf75a266b").orElseThrow();
        assertThat(session.maxSynthesisRounds()).isNull();
        assertThat(session.maxRounds()).isEqualTo(5);

        repository.write(session.withPhase(DialecticSession.FAILED));

        ObjectNode written = json.parseObject(Files.readAllBytes(data.resolve("dialectic_sessions/6e30cecbf75a266b.json")));
        assertThat(written.get("phase").asString()).isEqualTo("failed");
        assertThat(written.get("max_synthesis_rounds").asInt()).isEqualTo(5);
        assertThat(written.get("status").asString()).isEqualTo("resolved");
        assertThat(written.get("_original_resolution")).isNotNull();
        assertThat(written.get("resolution").get("resolved_by").asString()).isEqualTo("manual_intervention");
    }

    @Test
    void aDamagedSessionIsStateCorruptByIdAndSkippedInListings() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("dialectic_sessions"));
        Files.writeString(dir.resolve("0123456789abcdef.json"), "{\"session_id\": ");
        SessionRepository repository = repository(temp);

        assertThatThrownBy(() -> repository.find("0123456789abcdef")).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
        assertThat(repository.list()).isEmpty();
        assertThat(repository.find("fedcba9876543210")).isEmpty();
    }

    @Test
    void aSymbolicLinkInPlaceOfASessionFileIsStateCorruptAndLeftOutOfListings() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp.resolve("data"));
        Path file = data.resolve("dialectic_sessions/6e30cecbf75a266b.json");
        Path outside = Files.createDirectories(temp.resolve("outside")).resolve("session.json");
        Files.move(file, outside);
        Files.createSymbolicLink(file, outside);
        SessionRepository repository = repository(data);

        assertThatThrownBy(() -> repository.find("6e30cecbf75a266b")).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
        assertThat(repository.list()).hasSize(27)
                .noneSatisfy(s -> assertThat(s.sessionId()).isEqualTo("6e30cecbf75a266b"));
        assertThat(repository.exists("6e30cecbf75a266b")).isTrue();
    }
}
