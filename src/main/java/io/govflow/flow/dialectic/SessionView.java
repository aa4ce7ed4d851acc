package io.govflow.flow.dialectic;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A session as its file holds it (unknown fields included), and whether it has expired by now (computed on read;
 * the file is not changed — the next step persists {@code failed}).
 */
public record SessionView(JsonNode session, boolean expired, @Nullable String expiryReason) {
}
