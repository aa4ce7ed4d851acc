package io.govflow.flow.context;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.govflow.store.context.CanonicalJson;
import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;

import tools.jackson.databind.JsonNode;

/**
 * The read pipeline's validation of stored bytes: minimum fields, a supported schema version (current and
 * previous), the tenant, the type, a readable timestamp and, for schema 1.1 (and 1.0 documents that carry one),
 * {@code m.h} against the canonical {@code d}. Freshness is judged separately.
 */
@Component
public class DocumentCheck {

    static final Set<String> SUPPORTED = Set.of(EnvelopeFactory.VERSION, EnvelopeFactory.PREVIOUS_VERSION);

    private final ContextEnvelopeCodec codec;
    private final CanonicalJson canonical;

    public DocumentCheck(ContextEnvelopeCodec codec, CanonicalJson canonical) {
        this.codec = codec;
        this.canonical = canonical;
    }

    /**
     * The outcome for one file.
     *
     * @param envelope     the decoded document (also present when only the hash failed)
     * @param problem      null when valid
     * @param computedHash the hash of the stored {@code d}, when there is one
     */
    public record Checked(@Nullable ContextEnvelope envelope, @Nullable DocumentProblem problem,
            @Nullable String computedHash) {

        public boolean valid() {
            return problem == null && envelope != null;
        }

        static Checked problem(DocumentProblem problem) {
            return new Checked(null, problem, null);
        }
    }

    public Checked check(Optional<byte[]> content, String agentId, String type) {
        if (content.isEmpty()) {
            return Checked.problem(DocumentProblem.MISSING);
        }
        ContextEnvelopeCodec.Decoded decoded = codec.decode(content.get());
        ContextEnvelope envelope = decoded.envelope();
        if (envelope == null) {
            return Checked.problem(decoded.defect() == ContextEnvelopeCodec.Defect.NOT_JSON_OBJECT
                    ? DocumentProblem.CORRUPT : DocumentProblem.MISSING_FIELDS);
        }
        if (!SUPPORTED.contains(envelope.v())) {
            return new Checked(envelope, DocumentProblem.UNSUPPORTED_VERSION, null);
        }
        if (!envelope.u().equals(agentId)) {
            return new Checked(envelope, DocumentProblem.TENANT_MISMATCH, null);
        }
        if (!envelope.t().equals(type)) {
            return new Checked(envelope, DocumentProblem.TYPE_MISMATCH, null);
        }
        if (parseTimestamp(envelope.ts()).isEmpty()) {
            return new Checked(envelope, DocumentProblem.INVALID_TIMESTAMP, null);
        }
        String computed = canonical.hash(envelope.d());
        JsonNode stored = envelope.m().get("h");
        boolean hashRequired = EnvelopeFactory.VERSION.equals(envelope.v());
        if ((stored != null || hashRequired) && (stored == null || !computed.equals(stored.asString("")))) {
            return new Checked(envelope, DocumentProblem.HASH_MISMATCH, computed);
        }
        return new Checked(envelope, null, computed);
    }

    /** The document's expiry when it has a TTL ({@code m.ttl_s} > 0). */
    static Optional<Instant> expiry(ContextEnvelope envelope) {
        long ttl = ttlSeconds(envelope);
        if (ttl <= 0) {
            return Optional.empty();
        }
        return parseTimestamp(envelope.ts()).map(written -> written.plusSeconds(ttl));
    }

    static boolean expired(ContextEnvelope envelope, Instant now) {
        return expiry(envelope).map(at -> !now.isBefore(at)).orElse(false);
    }

    static long ttlSeconds(ContextEnvelope envelope) {
        JsonNode ttl = envelope.m().get("ttl_s");
        return ttl != null && ttl.canConvertToLong() && ttl.isIntegralNumber() ? Math.max(0, ttl.asLong()) : 0;
    }

    /** Storage timestamps are naive UTC; an explicit offset is honoured. */
    static Optional<Instant> parseTimestamp(String ts) {
        try {
            return Optional.of(LocalDateTime.parse(ts).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            try {
                return Optional.of(OffsetDateTime.parse(ts).toInstant());
            } catch (DateTimeException again) {
                return Optional.empty();
            }
        }
    }
}
