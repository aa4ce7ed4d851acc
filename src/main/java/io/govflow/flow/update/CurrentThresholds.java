package io.govflow.flow.update;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.engine.Thresholds;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.govflow.store.thresholds.ThresholdsFile;
import io.govflow.store.thresholds.ThresholdsStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The decision thresholds in force: those persisted in the store ({@code thresholds.json} on the file store),
 * shared by every instance on it, else the defaults. Every decision, status and health rule gets them from here.
 */
@Component
public class CurrentThresholds {

    /** The thresholds in force and when they were last set (null: never, the defaults apply). */
    public record Setting(Thresholds thresholds, @Nullable String updatedAt) {
    }

    private final ThresholdsStore repository;
    private final StoreHealth storeHealth;
    private final Clock clock;

    public CurrentThresholds(ThresholdsStore repository, StoreHealth storeHealth, Clock clock) {
        this.repository = repository;
        this.storeHealth = storeHealth;
        this.clock = clock;
    }

    public Thresholds current() {
        return setting().thresholds();
    }

    public Setting setting() {
        Optional<ThresholdsFile> file = repository.read();
        return file.map(f -> new Setting(fromFile(f), f.updatedAt())).orElse(new Setting(Thresholds.DEFAULTS, null));
    }

    /** Validates and persists new thresholds; {@code VALIDATION_FAILED} names each offending field. */
    public Setting replace(double riskApprove, double riskRevise, double coherenceCritical,
            double voidThresholdInitial) {
        Thresholds next = validated(riskApprove, riskRevise, coherenceCritical, voidThresholdInitial);
        storeHealth.checkWritable();
        String now = Timestamps.now(clock);
        ThresholdsFile written = repository.update(current -> Optional.of(new ThresholdsFile(next.riskApprove(),
                next.riskRevise(), next.coherenceCritical(), next.voidThresholdInitial(), now,
                current.map(ThresholdsFile::unknownFields).orElse(Map.of()))));
        return new Setting(next, written.updatedAt());
    }

    static Thresholds validated(double approve, double revise, double coherence, double voidInitial) {
        List<Map<String, String>> problems = new ArrayList<>();
        inUnitInterval("risk_approve_threshold", approve, problems);
        inUnitInterval("risk_revise_threshold", revise, problems);
        inUnitInterval("coherence_critical_threshold", coherence, problems);
        inUnitInterval("void_threshold_initial", voidInitial, problems);
        if (problems.isEmpty() && !(approve < revise)) {
            problems.add(Map.of("field", "risk_approve_threshold", "problem",
                    "must be below risk_revise_threshold"));
        }
        if (!problems.isEmpty()) {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields", problems));
        }
        return new Thresholds(approve, revise, coherence, voidInitial);
    }

    private static void inUnitInterval(String field, double value, List<Map<String, String>> problems) {
        if (!(value >= 0.0 && value <= 1.0)) {
            problems.add(Map.of("field", field, "problem", "must be between 0 and 1"));
        }
    }

    /** A file edited by hand into invalid values is damaged, not a reason to fall back to the defaults. */
    private static Thresholds fromFile(ThresholdsFile f) {
        try {
            return new Thresholds(f.riskApprove(), f.riskRevise(), f.coherenceCritical(), f.voidThresholdInitial());
        } catch (IllegalArgumentException e) {
            throw new GovflowException(ErrorCode.STORAGE_ERROR, Map.of("file", "thresholds.json"), null, e);
        }
    }
}
