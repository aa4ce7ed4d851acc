package io.govflow.store.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsRepositoryTest {

    private static final String VALID = """
            {
              "risk_approve_threshold": 0.1,
              "risk_revise_threshold": 0.2,
              "coherence_critical_threshold": 0.3,
              "void_threshold_initial": 0.4,
              "updated_at": null
            }
            """;

    private final StoreJson json = new StoreJson();

    @TempDir
    Path temp;

    private ThresholdsRepository repository(Path root) {
        DataDirectory dir = new DataDirectory(root);
        return new ThresholdsRepository(dir, new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json),
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100)), json,
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static ThresholdsFile thresholds(double approve) {
        return new ThresholdsFile(approve, 0.6, 0.4, 0.15, "2030-01-01T00:00:00.000000", Map.of());
    }

    @Test
    void noFileIsNoThresholdsAndAWriteOfAnotherInstanceIsSeen() {
        Path data = temp.resolve("data");
        ThresholdsRepository reader = repository(data);
        assertThat(reader.read()).isEmpty();
        assertThat(TestFiles.filesUnder(temp)).isEmpty();

        repository(data).update(current -> Optional.of(thresholds(0.25)));
        assertThat(reader.read()).contains(thresholds(0.25));
        repository(data).update(current -> Optional.of(thresholds(0.3)));
        assertThat(reader.read()).contains(thresholds(0.3));
    }

    @Test
    void aSymbolicLinkInPlaceOfTheFileIsAnErrorIsNotFollowedAndIsReplacedByAWrite() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path outside = Files.createDirectories(temp.resolve("outside")).resolve("thresholds.json");
        Files.writeString(outside, VALID);
        Path file = data.resolve("thresholds.json");
        Files.createSymbolicLink(file, outside);
        ThresholdsRepository repository = repository(data);

        assertThatThrownBy(repository::read).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR));
        List<Optional<ThresholdsFile>> seenByTheChange = new ArrayList<>();
        repository.update(current -> {
            seenByTheChange.add(current);
            return Optional.of(thresholds(0.25));
        });

        assertThat(seenByTheChange).containsExactly(Optional.empty());
        assertThat(file).isRegularFile();
        assertThat(repository.read()).contains(thresholds(0.25));
        assertThat(Files.readString(outside)).isEqualTo(VALID);
        try (var quarantined = Files.list(data.resolve("quarantine"))) {
            assertThat(quarantined.toList()).singleElement().satisfies(p -> assertThat(Files.readString(p))
                    .isEqualTo("symbolic link to " + outside + "\n"));
        }
    }
}
