package io.govflow.flow.dialectic;

import java.util.List;

import io.govflow.store.check.Problem;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A session as its file holds it (unknown fields included), whether it has expired by now (computed on read;
 * the file is not changed — the next step persists {@code failed}), each transcript message's signature check and
 * the warnings about them ({@code SIGNATURE_UNVERIFIABLE}).
 */
public record SessionView(JsonNode session, boolean expired, @Nullable String expiryReason,
        List<SessionSignatures.Checked> signatures, List<Problem> warnings) {
}
