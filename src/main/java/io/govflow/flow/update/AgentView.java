package io.govflow.flow.update;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.govflow.engine.GovernanceState;
import io.govflow.store.io.FileStamp;

/**
 * What this instance knows of one agent as of update-log sequence {@code seq}: its engine state, the state file's
 * fields this version does not know (kept so a rewrite never drops them), and the log it was read from — the log's
 * identity ({@code logKey}) and where its last good line ends ({@code logEnd}, {@code -1} when not known). Only a
 * hint: {@link #matches} checks it against a fresh stat of the log before it is used. Never mutated once built:
 * updates work on a copy of the state.
 */
record AgentView(GovernanceState state, long seq, @Nullable Object logKey, long logEnd,
        Map<String, JsonNode> unknownStateFields) {

    /** Rough heap bytes per update held: seven doubles in primitive rings, a decision word and a timestamp. */
    private static final long BYTES_PER_ENTRY = 7 * 8 + 2 * 72;
    private static final long FIXED_BYTES = 1024;

    /** True when the log at the path is still the one this view was read from, ending where it ended. */
    boolean matches(@Nullable FileStamp log) {
        if (log == null) {
            return seq == 0 && logEnd <= 0;
        }
        return logEnd >= 0 && log.size() == logEnd && Objects.equals(log.fileKey(), logKey);
    }

    /** The view after this instance appended the line that made {@code next}, the log now ending at {@code end}. */
    AgentView appended(GovernanceState next, long newSeq, @Nullable Object key, long end) {
        return new AgentView(next, newSeq, key, end, unknownStateFields);
    }

    /** An estimate of the heap this view holds, for the byte bound of the cache. */
    long estimatedBytes() {
        return FIXED_BYTES + BYTES_PER_ENTRY * state.historySize();
    }
}
