package io.govflow.flow.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.engine.GovernanceState;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.UpdateLogEntry;
import tools.jackson.databind.JsonNode;

/** Converts between the engine's state and its two persisted forms: the state file and the update log. */
final class StateMapping {

    private StateMapping() {
    }

    static GovernanceState fromStateFile(StateFile file, int window) {
        return GovernanceState.builder(window)
                .e(file.E()).i(file.I()).s(file.S()).v(file.V())
                .voidActive(file.voidActive()).time(file.time()).updateCount(file.updateCount())
                .c1(file.C1()).eta1(file.eta1()).piIntegral(file.piIntegral())
                .lambda1UpdateSkips(file.lambda1UpdateSkips())
                .eHistory(file.EHistory()).iHistory(file.IHistory()).sHistory(file.SHistory())
                .vHistory(file.VHistory()).coherenceHistory(file.coherenceHistory())
                .attentionHistory(file.riskHistory()).lambda1History(file.lambda1History())
                .decisionHistory(file.decisionHistory()).timestampHistory(file.timestampHistory())
                .build();
    }

    /** Rebuilds the state from the last entries of the update log (oldest first, last one is the newest). */
    static GovernanceState fromLogTail(List<UpdateLogEntry> tail, int window) {
        UpdateLogEntry last = tail.get(tail.size() - 1);
        int n = tail.size();
        List<Double> e = new ArrayList<>(n), i = new ArrayList<>(n), s = new ArrayList<>(n), v = new ArrayList<>(n);
        List<Double> coherence = new ArrayList<>(n), attention = new ArrayList<>(n), lambda1 = new ArrayList<>(n);
        List<String> decisions = new ArrayList<>(n), timestamps = new ArrayList<>(n);
        for (UpdateLogEntry entry : tail) {
            e.add(entry.E());
            i.add(entry.I());
            s.add(entry.S());
            v.add(entry.V());
            coherence.add(entry.coherence());
            attention.add(entry.attentionScore());
            lambda1.add(entry.lambda1());
            decisions.add(entry.decision());
            timestamps.add(entry.ts());
        }
        return GovernanceState.builder(window)
                .e(last.E()).i(last.I()).s(last.S()).v(last.V())
                .voidActive(last.voidActive()).time(last.time()).updateCount(last.seq())
                .c1(last.C1()).eta1(last.eta1()).piIntegral(last.piIntegral())
                .lambda1UpdateSkips(last.lambda1UpdateSkips())
                .eHistory(e).iHistory(i).sHistory(s).vHistory(v).coherenceHistory(coherence)
                .attentionHistory(attention).lambda1History(lambda1).decisionHistory(decisions)
                .timestampHistory(timestamps)
                .build();
    }

    /** A fresh engine state that continues the numbering of an agent whose state was never kept. */
    static GovernanceState freshContinuing(long totalUpdates, int window) {
        GovernanceState fresh = GovernanceState.fresh(window);
        if (totalUpdates == 0) {
            return fresh;
        }
        return GovernanceState.builder(window)
                .e(fresh.e()).i(fresh.i()).s(fresh.s()).v(fresh.v())
                .c1(fresh.c1()).eta1(fresh.eta1())
                .updateCount(totalUpdates)
                .build();
    }

    static StateFile toStateFile(GovernanceState state, Map<String, JsonNode> unknownFields) {
        return new StateFile(state.e(), state.i(), state.s(), state.v(), state.coherence(), state.lambda1(),
                state.voidActive(), state.time(), state.updateCount(), state.c1(), state.eta1(),
                state.eHistory(), state.iHistory(), state.sHistory(), state.vHistory(), state.coherenceHistory(),
                state.attentionHistory(), state.lambda1History(), state.decisionHistory(), state.timestampHistory(),
                state.piIntegral(), state.lambda1UpdateSkips(), unknownFields);
    }
}
