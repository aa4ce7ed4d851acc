package io.govflow.flow.context;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ContextStore;
import io.govflow.store.context.ManifestEntry.Related;
import io.govflow.store.io.Timestamps;

import tools.jackson.databind.node.ObjectNode;

/**
 * The write pipeline of agent-written documents: normalize → redact ({@code d} and a given {@code s}) → derive
 * {@code s} when not given → budget {@code d} → envelope and metadata → atomic write (keeping the previous valid
 * copy) → manifest. And deletion.
 */
@Service
public class ContextWriteFlow {

    private final Tenants tenants;
    private final EnvelopeFactory envelopes;
    private final ContextPipelineParts parts;
    private final ContextStoreWrites writes;
    private final ContextStore repository;
    private final ContextEnvelopeCodec codec;
    private final long summaryBudget;
    private final Clock clock;

    public ContextWriteFlow(Tenants tenants, EnvelopeFactory envelopes, ContextPipelineParts parts,
            ContextStoreWrites writes, ContextStore repository, ContextEnvelopeCodec codec,
            ContextProperties properties, Clock clock) {
        this.tenants = tenants;
        this.envelopes = envelopes;
        this.parts = parts;
        this.writes = writes;
        this.repository = repository;
        this.codec = codec;
        this.summaryBudget = properties.summaryBudget().toBytes();
        this.clock = clock;
    }

    public ContextWritten put(String agentId, String type, PutCommand command) {
        requireWritableType(type);
        tenants.requireWritable(agentId);
        ContextEnvelope envelope = envelopes.build(draft(agentId, type, command));
        boolean created = writes.store(envelope, true);
        return new ContextWritten(created, codec.toNode(envelope, false));
    }

    public void delete(String agentId, String type) {
        ContextTypes.requireValid(type);
        tenants.requireWritable(agentId);
        boolean known = repository.readDocument(agentId, type).isPresent()
                || repository.readPrevious(agentId, type).isPresent()
                || repository.manifest(agentId).documents().containsKey(type);
        if (!known || !writes.delete(agentId, type)) {
            throw new GovflowException(ErrorCode.CONTEXT_NOT_FOUND);
        }
    }

    private Draft draft(String agentId, String type, PutCommand command) {
        ObjectNode d = Normalizer.normalizeBlock(command.d(), "d");
        ObjectNode given = command.s() == null ? null : Normalizer.normalizeBlock(command.s(), "s");
        int redacted = Redactor.redact(d) + (given == null ? 0 : Redactor.redact(given));
        TypeProfile profile = TypeProfile.of(type);
        Summary derived = profile.rule().summarize(d);
        ObjectNode s = given == null ? parts.fitter().fit(derived.s(), summaryBudget) : checkedSummary(given);
        Trimmer.Result trim = parts.trimmer().trim(d, envelopes.dataBudget());
        if (trim.over()) {
            // a shape no trimming step shortens (a flat object of many small members) is refused, never stored
            throw FieldErrors.invalid("d", "is larger than the context byte budget of " + envelopes.dataBudget()
                    + " bytes even after trimming; split it into several documents");
        }
        List<String> q = Objects.requireNonNullElse(command.q(), derived.q());
        List<Related> related = checkedRelated(command.related(), profile);
        long ttl = Objects.requireNonNullElse(command.ttlS(), 0L);
        return new Draft(agentId, type, Timestamps.now(clock), command.src(), profile, d, s, q, ttl, trim.trim(),
                trim.over(), redacted, related);
    }

    private ObjectNode checkedSummary(ObjectNode s) {
        if (parts.compactSize(s) > summaryBudget) {
            throw FieldErrors.invalid("s", "is larger than " + summaryBudget + " bytes");
        }
        return s;
    }

    private static List<Related> checkedRelated(@Nullable List<Related> related, TypeProfile profile) {
        if (related == null) {
            return profile.related();
        }
        for (int i = 0; i < related.size(); i++) {
            if (!ContextTypes.isValid(related.get(i).t())) {
                throw FieldErrors.invalid("related[" + i + "].t", "is not a valid context type");
            }
        }
        return related;
    }

    private static void requireWritableType(String type) {
        ContextTypes.requireValid(type);
        if (ContextTypes.serviceMaintained(type)) {
            throw ContextTypes.notWritable();
        }
    }
}
