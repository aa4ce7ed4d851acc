package io.govflow.store.export;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogEntry;

/**
 * Freezes an agent's history for an export: its update log up to the last committed line (appends that come later
 * are ignored by every pass), else the window of a state file that has no log (reference agents before
 * migration), else nothing.
 */
public final class HistorySources {

    private final UpdateLogStore updateLog;
    private final StateStore stateFiles;

    public HistorySources(UpdateLogStore updateLog, StateStore stateFiles) {
        this.updateLog = updateLog;
        this.stateFiles = stateFiles;
    }

    /**
     * @param totalUpdatesInMetadata the count reported for an agent that has neither a log nor a state file
     */
    public HistorySource capture(String agentId, long totalUpdatesInMetadata) {
        Optional<UpdateLogEntry> last = updateLog.last(agentId);
        if (last.isPresent()) {
            return new LogSource(updateLog, agentId, last.get());
        }
        Optional<StateFile> state = stateFiles.read(agentId);
        if (state.isPresent() && state.get().updateCount() > 0) {
            return new WindowSource(agentId, state.get());
        }
        HistoryTotals totals = new HistoryTotals(0, totalUpdatesInMetadata, 0.0, StateFile.DEFAULT_LAMBDA1, false);
        return new EmptySource(agentId, totals);
    }

    private record LogSource(UpdateLogStore log, String agentId, UpdateLogEntry last) implements HistorySource {

        @Override
        public void forEach(Consumer<HistoryRow> action) {
            long bound = last.seq();
            log.forEach(agentId, entry -> {
                if (entry.seq() <= bound) {
                    action.accept(HistoryRow.of(entry));
                }
            });
        }

        @Override
        public HistoryTotals totals() {
            return new HistoryTotals(last.seq(), last.seq(), last.time(), last.lambda1After(), false);
        }
    }

    /** The rows of a state file's arrays, numbered so that the last one is {@code update_count}. */
    private record WindowSource(String agentId, StateFile state) implements HistorySource {

        @Override
        public void forEach(Consumer<HistoryRow> action) {
            int n = rows();
            long first = state.updateCount() - n + 1;
            List<Double> lambda1 = state.lambda1History();
            for (int k = 0; k < n; k++) {
                action.accept(new HistoryRow(first + k, state.timestampHistory().get(k), state.EHistory().get(k),
                        state.IHistory().get(k), state.SHistory().get(k), state.VHistory().get(k),
                        state.coherenceHistory().get(k), state.riskHistory().get(k), state.decisionHistory().get(k),
                        k < lambda1.size() ? lambda1.get(k) : null));
            }
        }

        /** Rows every core array has (the reference could leave some shorter); never more than update_count. */
        private int rows() {
            return (int) Math.min(state.retainedUpdates(), state.updateCount());
        }

        @Override
        public HistoryTotals totals() {
            long lastSeq = rows() == 0 ? 0 : state.updateCount();
            return new HistoryTotals(lastSeq, state.updateCount(), state.time(), state.lambda1(), true);
        }
    }

    private record EmptySource(String agentId, HistoryTotals totals) implements HistorySource {

        @Override
        public void forEach(Consumer<HistoryRow> action) {
            // no rows
        }
    }
}
