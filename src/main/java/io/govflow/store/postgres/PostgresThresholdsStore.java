package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreJson;
import io.govflow.store.thresholds.ThresholdsCodec;
import io.govflow.store.thresholds.ThresholdsFile;
import io.govflow.store.thresholds.ThresholdsStore;

/**
 * The decision thresholds in {@code decision_thresholds}: one row holding the thresholds document (no row until
 * they are first set). Every read asks the database, so a change made by another replica is seen at the next read;
 * the last document parsed is kept to skip parsing an unchanged one. A change is one transaction that locks the row
 * (or, the first time, the table against a concurrent first write) across read, change and write. A damaged
 * document is {@code STORAGE_ERROR} until valid thresholds replace it; that change first copies it to
 * {@code decision_thresholds_quarantine}.
 */
public final class PostgresThresholdsStore implements ThresholdsStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresThresholdsStore.class);

    private final PostgresDatabase database;
    private final ThresholdsCodec codec;
    private final StoreJson json;
    private volatile @Nullable Parsed last;

    /** A stored document and what it reads as. */
    private record Parsed(String document, ThresholdsFile thresholds) {
    }

    public PostgresThresholdsStore(PostgresDatabase database, StoreJson json) {
        this.database = database;
        this.codec = new ThresholdsCodec(json);
        this.json = json;
    }

    @Override
    public Optional<ThresholdsFile> read() {
        return database.read(jdbc -> stored(jdbc, "")).map(this::parsed);
    }

    @Override
    public ThresholdsFile update(UnaryOperator<Optional<ThresholdsFile>> change) {
        return database.inTransaction(jdbc -> {
            // the first write has no row to lock: the table lock makes concurrent first writes take turns
            jdbc.execute("LOCK TABLE decision_thresholds IN SHARE ROW EXCLUSIVE MODE");
            Optional<ThresholdsFile> current = currentForUpdate(jdbc);
            ThresholdsFile next = Objects.requireNonNull(change.apply(current).orElse(null), "change returned empty");
            jdbc.update("INSERT INTO decision_thresholds (document) VALUES (?::jsonb) ON CONFLICT (singleton) "
                    + "DO UPDATE SET document = excluded.document, changed_at = now()", document(next));
            return next;
        });
    }

    private Optional<ThresholdsFile> currentForUpdate(JdbcTemplate jdbc) {
        Optional<String> stored = stored(jdbc, " FOR UPDATE");
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parsed(stored.get()));
        } catch (GovflowException damaged) {
            jdbc.update("INSERT INTO decision_thresholds_quarantine (document) "
                    + "SELECT document FROM decision_thresholds");
            LOG.warn("Copied the damaged thresholds document to decision_thresholds_quarantine before replacing it");
            return Optional.empty();
        }
    }

    private static Optional<String> stored(JdbcTemplate jdbc, String lock) {
        List<String> rows = jdbc.queryForList("SELECT document::text FROM decision_thresholds" + lock, String.class);
        return rows.stream().findFirst();
    }

    private ThresholdsFile parsed(String document) {
        Parsed held = last;
        if (held != null && held.document().equals(document)) {
            return held.thresholds();
        }
        try {
            ThresholdsFile thresholds = codec.parse(document.getBytes(StandardCharsets.UTF_8));
            last = new Parsed(document, thresholds);
            return thresholds;
        } catch (FileFormatException e) {
            LOG.error("Damaged thresholds row: {}", LogText.safe(e));
            throw new GovflowException(ErrorCode.STORAGE_ERROR, Map.of("file", "thresholds.json"), null, e);
        }
    }

    private String document(ThresholdsFile thresholds) {
        return new String(json.toCompactBytes(codec.toObject(thresholds)), StandardCharsets.UTF_8);
    }
}
