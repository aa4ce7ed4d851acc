package io.govflow.flow.migration;

import java.util.ArrayList;
import java.util.List;

import io.govflow.engine.GovernanceEngine;
import io.govflow.engine.GovernanceState;
import io.govflow.engine.MetricsSnapshot;
import io.govflow.engine.StatusPolicy;
import io.govflow.engine.Thresholds;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.UpdateLogEntry;

/**
 * An update log rebuilt from a reference state file's history arrays: one entry per retained update, seqs ending
 * at {@code update_count} (the reference trimmed older ones). The arrays give ts, E, I, S, V, coherence,
 * attention, decision and λ1; what the reference never kept per update is filled in so that the last entry plus
 * the arrays rebuild the state file exactly:
 * <ul>
 * <li>{@code lambda1_after}: the next entry's λ1 (the value the next update started from); the last: the state's;</li>
 * <li>{@code eta1}, {@code C1}, {@code pi_integral}, {@code lambda1_update_skips}: the state's (final) values;</li>
 * <li>{@code time}: the state's time scaled to the seq; {@code void_active}: the state's for the last entry,
 * else |V| above the initial void threshold;</li>
 * <li>{@code phi}, {@code verdict}: Φ of the entry's E, I, S, V with zero drift; {@code status}: from the
 * entry's void, coherence and attention;</li>
 * <li>{@code confidence} 1.0 and {@code complexity} 0.5: the request defaults (the inputs were not kept).</li>
 * </ul>
 */
final class LogSynthesis {

    private static final GovernanceEngine ENGINE = new GovernanceEngine();
    private static final Thresholds REFERENCE = Thresholds.DEFAULTS;
    private static final double DEFAULT_CONFIDENCE = 1.0;
    private static final double DEFAULT_COMPLEXITY = 0.5;

    private LogSynthesis() {
    }

    /** The retained updates as log entries, oldest first; empty when the file retained none. */
    static List<UpdateLogEntry> entries(StateFile f, int window) {
        int n = f.retainedUpdates();
        if (n == 0 || f.updateCount() < n) {
            return List.of();
        }
        GovernanceState finalState = GovernanceState.builder(window).c1(f.C1()).eta1(f.eta1()).build();
        List<Double> lambda1 = alignedLambda1(f, n, finalState.lambda1());
        long firstSeq = f.updateCount() - n + 1;
        List<UpdateLogEntry> entries = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long seq = firstSeq + k;
            boolean last = k == n - 1;
            double e = tail(f.EHistory(), n, k);
            double i = tail(f.IHistory(), n, k);
            double s = tail(f.SHistory(), n, k);
            double v = tail(f.VHistory(), n, k);
            double coherence = tail(f.coherenceHistory(), n, k);
            double attention = tail(f.riskHistory(), n, k);
            boolean voidActive = last ? f.voidActive() : Math.abs(v) > REFERENCE.voidThresholdInitial();
            MetricsSnapshot zeroDrift = ENGINE.snapshot(GovernanceState.builder(window).e(e).i(i).s(s).v(v)
                    .c1(f.C1()).eta1(f.eta1()).build(), REFERENCE);
            entries.add(new UpdateLogEntry(seq, tail(f.timestampHistory(), n, k), e, i, s, v, coherence, attention,
                    tail(f.decisionHistory(), n, k), lambda1.get(k),
                    last ? finalState.lambda1() : lambda1.get(k + 1), zeroDrift.phi(), zeroDrift.verdict(),
                    voidActive, StatusPolicy.status(voidActive, coherence, attention, REFERENCE), DEFAULT_CONFIDENCE,
                    DEFAULT_COMPLEXITY, f.eta1(), f.C1(), f.piIntegral(), f.time() * seq / f.updateCount(),
                    f.lambda1UpdateSkips(), null, null));
        }
        return entries;
    }

    /** λ1 per entry; older files have no {@code lambda1_history}, where the state's λ1 stands in. */
    private static List<Double> alignedLambda1(StateFile f, int n, double stateLambda1) {
        List<Double> out = new ArrayList<>(n);
        List<Double> history = f.lambda1History();
        for (int k = 0; k < n; k++) {
            int index = history.size() - n + k;
            out.add(index >= 0 ? history.get(index) : stateLambda1);
        }
        return out;
    }

    private static <T> T tail(List<T> values, int n, int k) {
        return values.get(values.size() - n + k);
    }
}
