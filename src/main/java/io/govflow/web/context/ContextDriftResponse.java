package io.govflow.web.context;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.context.DriftReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET …/context/{type}/drift}: hash and source drift of the stored document; nothing is rewritten.
 *
 * @param status       {@code missing | invalid | hash_drift | source_drift | expired | in_sync}
 * @param previousCopy whether a valid previous copy exists for the fallback
 */
@JsonPropertyOrder({ "success", "t", "status", "present", "valid", "problem", "hash", "source", "ttl",
        "previous_copy" })
public record ContextDriftResponse(boolean success, String t, String status, boolean present, boolean valid,
        @Nullable String problem, Hash hash, Source source, Ttl ttl, boolean previousCopy) {

    /** {@code m.h} against the stored {@code d}. */
    @JsonPropertyOrder({ "stored", "computed", "match" })
    public record Hash(@Nullable String stored, @Nullable String computed, @Nullable Boolean match) {
    }

    /** A service-maintained document's {@code d.as_of} against its source. */
    @JsonPropertyOrder({ "service_maintained", "stored_as_of", "current_as_of", "in_sync" })
    public record Source(boolean serviceMaintained, @Nullable JsonNode storedAsOf, @Nullable JsonNode currentAsOf,
            @Nullable Boolean inSync) {
    }

    /** Freshness by {@code m.ttl_s}. */
    @JsonPropertyOrder({ "ttl_s", "expires_at", "expired" })
    public record Ttl(long ttlS, @Nullable String expiresAt, boolean expired) {
    }

    static ContextDriftResponse of(DriftReport r) {
        return new ContextDriftResponse(true, r.type(), r.status(), r.present(), r.valid(),
                r.problem() == null ? null : r.problem().code(),
                new Hash(r.storedHash(), r.computedHash(), r.hashMatch()),
                new Source(r.serviceMaintained(), r.storedAsOf(), r.currentAsOf(), r.sourceInSync()),
                new Ttl(r.ttlS(), r.expiresAt(), r.expired()), r.previousCopy());
    }
}
