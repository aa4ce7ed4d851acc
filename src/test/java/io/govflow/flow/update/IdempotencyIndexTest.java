package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.govflow.engine.GovernanceEngine;
import io.govflow.engine.GovernanceState;
import io.govflow.engine.Thresholds;
import io.govflow.engine.UpdateResult;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idempotency index on real update logs: bounded, and kept in step with other processes' appends cheaply. */
class IdempotencyIndexTest {

    private static final int WINDOW = 50;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T15:12:45Z"), ZoneOffset.UTC);
    private static final UpdateCommand COMMAND = new UpdateCommand(0.4, 0.8, new double[0], "", false);

    @TempDir
    Path root;

    private final GovernanceEngine engine = new GovernanceEngine();

    private UpdateLog log() {
        StoreHealth health = new StoreHealth();
        return new UpdateLog(new DataDirectory(root, health), new AtomicFileWriter(health), health, new StoreJson(),
                CLOCK);
    }

    @Test
    void anotherProcesssAppendIsReadLineByLineWithoutARebuild() {
        UpdateLog ours = log();
        UpdateLog theirs = log();
        GovernanceState state = GovernanceState.fresh(WINDOW);
        for (int seq = 1; seq <= 2 * WINDOW; seq++) {
            ours.append("scout_7", next(state, seq, "key-" + seq));
        }
        IdempotencyIndex index = new IdempotencyIndex(ours, WINDOW, 10_000);
        assertThat(index.find("scout_7", "key-" + (2 * WINDOW))).isPresent();
        long afterBuild = index.linesRead();

        theirs.append("scout_7", next(state, 2 * WINDOW + 1, "foreign-1"));
        theirs.append("scout_7", next(state, 2 * WINDOW + 2, "foreign-2"));

        assertThat(index.find("scout_7", "unknown")).isEmpty();
        assertThat(index.linesRead() - afterBuild).as("only the two new lines were read").isEqualTo(2);
        UpdateLogEntry replayed = index.find("scout_7", "foreign-1").orElseThrow();
        assertThat(replayed.seq()).isEqualTo(2 * WINDOW + 1);
        assertThat(replayed.idempotencyKey()).isEqualTo("foreign-1");
        assertThat(index.find("scout_7", "key-" + (WINDOW + 2))).as("keys of the last W lines only").isEmpty();
        assertThat(index.find("scout_7", "key-" + (WINDOW + 3))).isPresent();
    }

    @Test
    void ourOwnCommitsAreAddedWithoutReadingTheLog() {
        UpdateLog log = log();
        GovernanceState state = GovernanceState.fresh(WINDOW);
        log.append("scout_7", next(state, 1, "first"));
        IdempotencyIndex index = new IdempotencyIndex(log, WINDOW, 10_000);
        assertThat(index.find("scout_7", "second")).isEmpty();
        long before = index.linesRead();

        UpdateLogEntry second = next(state, 2, "second");
        log.append("scout_7", second);
        index.committed("scout_7", second);

        assertThat(index.find("scout_7", "third")).isEmpty();
        assertThat(index.linesRead()).isEqualTo(before);
        assertThat(index.find("scout_7", "second")).contains(second);
    }

    @Test
    void theKeysHeldAreBoundedByDroppingTheLeastRecentlyUsedAgents() {
        UpdateLog log = log();
        IdempotencyIndex index = new IdempotencyIndex(log, WINDOW, 30);
        for (int agent = 0; agent < 20; agent++) {
            GovernanceState state = GovernanceState.fresh(WINDOW);
            for (int seq = 1; seq <= 10; seq++) {
                log.append("agent_" + agent, next(state, seq, "a" + agent + "-" + seq));
            }
            assertThat(index.find("agent_" + agent, "a" + agent + "-1")).isPresent();
            assertThat(index.keysHeld()).isLessThanOrEqualTo(30);
        }
        assertThat(index.agentsHeld()).isEqualTo(3);

        assertThat(index.find("agent_0", "a0-10")).as("a dropped agent is rebuilt on use").isPresent();
        assertThat(index.find("agent_19", "a19-10")).isPresent();
        assertThat(index.keysHeld()).isLessThanOrEqualTo(30);
    }

    private UpdateLogEntry next(GovernanceState state, long seq, String key) {
        String now = Timestamps.format(CLOCK.instant().plusSeconds(seq));
        UpdateResult result = engine.process(state, COMMAND.toInput(), Thresholds.DEFAULTS, now);
        UpdateLogEntry entry = CommittedUpdates.toEntry(result, state, COMMAND, now, null, Thresholds.DEFAULTS, key);
        assertThat(entry.seq()).isEqualTo(seq);
        return entry;
    }
}
