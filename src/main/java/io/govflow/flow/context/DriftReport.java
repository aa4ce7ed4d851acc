package io.govflow.flow.context;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Hash and source drift of one stored document (read-only: nothing is rewritten).
 *
 * @param status        {@code missing | invalid | hash_drift | source_drift | expired | in_sync}
 * @param problem       the validation problem, if any
 * @param storedHash    {@code m.h} as stored
 * @param computedHash  SHA-256 of the stored {@code d}'s canonical form
 * @param storedAsOf    {@code d.as_of} of a service-maintained document
 * @param currentAsOf   its source's current version
 * @param expiresAt     when a document with a TTL expires
 * @param previousCopy  whether a previous valid copy exists for the fallback
 */
public record DriftReport(String type, String status, boolean present, boolean valid,
        @Nullable DocumentProblem problem, @Nullable String storedHash, @Nullable String computedHash,
        @Nullable Boolean hashMatch, boolean serviceMaintained, @Nullable JsonNode storedAsOf,
        @Nullable JsonNode currentAsOf, @Nullable Boolean sourceInSync, long ttlS, @Nullable String expiresAt,
        boolean expired, boolean previousCopy) {
}
