package io.govflow.flow.context;

import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.io.LogText;
import io.govflow.store.io.Timestamps;

/**
 * Fallback 1 for service-maintained types: derive the document from its canonical source, redact it like any
 * written document ({@code d} and {@code s}; canonical stores may hold agent-supplied trees) and store it, so the
 * next read is served from the flat file. Runs only on reads: the update path never writes context documents.
 * When the store cannot take the write (read-only, full, busy) the derived document is still served.
 */
@Component
class Materializer {

    private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);
    private static final Set<ErrorCode> UNSTORABLE = Set.of(ErrorCode.STORE_READ_ONLY, ErrorCode.DISK_FULL,
            ErrorCode.STORAGE_ERROR, ErrorCode.LOCK_TIMEOUT);

    private final EnvelopeFactory envelopes;
    private final ContextStoreWrites writes;
    private final ContextPipelineParts parts;
    private final long summaryBudget;
    private final Clock clock;

    Materializer(EnvelopeFactory envelopes, ContextStoreWrites writes, ContextPipelineParts parts,
            ContextProperties properties, Clock clock) {
        this.envelopes = envelopes;
        this.writes = writes;
        this.parts = parts;
        this.summaryBudget = properties.summaryBudget().toBytes();
        this.clock = clock;
    }

    ContextEnvelope materialize(String agentId, ContextSource source) {
        ContextSource.Derived derived = source.derive(agentId);
        int redacted = Redactor.redact(derived.d()) + Redactor.redact(derived.s());
        Trimmer.Result trim = parts.trimmer().trim(derived.d(), envelopes.dataBudget());
        Draft draft = new Draft(agentId, source.type(), Timestamps.now(clock), derived.src(),
                TypeProfile.service(source.type(), derived.related()), derived.d(),
                parts.fitter().fit(derived.s(), summaryBudget), derived.q(), 0, trim.trim(), trim.over(), redacted,
                derived.related());
        ContextEnvelope envelope = envelopes.build(draft);
        try {
            writes.store(envelope, false);
        } catch (GovflowException e) {
            if (!UNSTORABLE.contains(e.code())) {
                throw e;
            }
            LOG.warn("Serving {} of {} without storing it: {}", LogText.safe(source.type()), LogText.safe(agentId),
                    e.code());
        }
        return envelope;
    }
}
