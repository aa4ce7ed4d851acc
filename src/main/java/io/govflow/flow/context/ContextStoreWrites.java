package io.govflow.flow.context;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ContextManifest;
import io.govflow.store.context.ContextStore;
import io.govflow.store.context.ManifestEntry;
import io.govflow.store.io.Timestamps;

/**
 * The commit of one document as one change of the tenant's context: keep the current document as its previous
 * copy when it is valid (agent-written types), store the new one, then update the manifest.
 */
@Component
class ContextStoreWrites {

    private final ContextStore repository;
    private final ContextEnvelopeCodec codec;
    private final DocumentCheck check;
    private final Clock clock;

    ContextStoreWrites(ContextStore repository, ContextEnvelopeCodec codec, DocumentCheck check, Clock clock) {
        this.repository = repository;
        this.codec = codec;
        this.check = check;
        this.clock = clock;
    }

    /** Stores the document; true when the type had no document before. */
    boolean store(ContextEnvelope envelope, boolean keepPrevious) {
        String agentId = envelope.u();
        String type = envelope.t();
        byte[] content = codec.encode(envelope);
        return repository.change(agentId, tenant -> {
            Optional<byte[]> current = tenant.readDocument(type);
            if (keepPrevious && current.isPresent() && check.check(current, agentId, type).valid()) {
                tenant.writePrevious(type, current.get());
            }
            tenant.writeDocument(type, content);
            tenant.writeManifest(tenant.manifest().with(type, ManifestEntry.of(envelope), Timestamps.now(clock)));
            return current.isEmpty();
        });
    }

    /** Removes a document, its previous copy and its manifest entry; false when there was none of them. */
    boolean delete(String agentId, String type) {
        return repository.change(agentId, tenant -> {
            boolean removed = tenant.delete(type);
            ContextManifest manifest = tenant.manifest();
            if (manifest.documents().containsKey(type)) {
                tenant.writeManifest(manifest.without(type, Timestamps.now(clock)));
                return true;
            }
            return removed;
        });
    }
}
