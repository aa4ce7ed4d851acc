package io.govflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The ledger's check against lines counted outside a data directory (rows of the PostgreSQL store's log). */
class LedgerTest {

    @Test
    void rowsCountedElsewhereMatchTheInitialLinesPlusTheAcknowledgedUpdates() {
        Ledger ledger = new Ledger();
        ledger.expect("migrated", 10);
        ledger.expect("fresh", 0);
        ledger.acknowledged("migrated");
        ledger.acknowledged("fresh");
        ledger.acknowledged("fresh");

        Ledger.LineCheck check = ledger.check(Map.of("migrated", 11L, "fresh", 2L)::get, 0);

        assertThat(check.passed()).isTrue();
        assertThat(check.expected()).isEqualTo(13);
        assertThat(check.onDisk()).isEqualTo(13);
        assertThat(check.agents()).isEqualTo(2);
    }

    @Test
    void aMissingRowOrOneBeyondTheInFlightAllowanceIsAMismatch() {
        Ledger ledger = new Ledger();
        ledger.expect("short", 0);
        ledger.expect("long", 0);
        ledger.acknowledged("short");
        ledger.acknowledged("long");
        Map<String, Long> rows = Map.of("short", 0L, "long", 3L);

        assertThat(ledger.check(rows::get, 0).mismatches())
                .containsExactlyInAnyOrder("short: 0 lines, 1 expected", "long: 3 lines, 1 expected");
        assertThat(ledger.check(rows::get, 2).mismatches()).containsExactly("short: 0 lines, 1 expected");
    }
}
