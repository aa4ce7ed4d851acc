package io.govflow.store.export;

import org.jspecify.annotations.Nullable;

import io.govflow.store.agent.AgentRecord;

import tools.jackson.databind.node.ObjectNode;

/**
 * The package's {@code validation} block: the seed's three checks plus {@code last_update_matches} (the seed's
 * second check), {@code arrays_same_length}, {@code timestamps_iso} and {@code history_complete} (false when the
 * oldest updates were not retained, e.g. trimmed by the reference before migration).
 */
public record PackageValidation(boolean metadataExists, boolean historyExists, boolean metadataHistorySync,
        boolean lastUpdateMatches, boolean arraysSameLength, boolean timestampsIso, boolean historyComplete,
        String checkedAt) {

    static PackageValidation of(@Nullable AgentRecord record, HistoryStats stats, HistoryTotals totals,
            String checkedAt) {
        boolean exists = record != null;
        return new PackageValidation(exists, stats.rows() > 0,
                exists && record.totalUpdates() == stats.rows(),
                exists && record.lastUpdate().equals(stats.lastTimestamp()),
                stats.arraysSameLength(), stats.timestampsIso(),
                stats.complete(totals.totalUpdates()),
                checkedAt);
    }

    ObjectNode toObject(ObjectNode o) {
        o.put("metadata_exists", metadataExists);
        o.put("history_exists", historyExists);
        o.put("metadata_history_sync", metadataHistorySync);
        o.put("last_update_matches", lastUpdateMatches);
        o.put("arrays_same_length", arraysSameLength);
        o.put("timestamps_iso", timestampsIso);
        o.put("history_complete", historyComplete);
        o.put("checked_at", checkedAt);
        return o;
    }
}
