package io.govflow.flow.context;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ContextManifest;
import io.govflow.store.context.ContextRepository;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.Timestamps;

/**
 * The commit of one document under the tenant's lock: keep the current file as {@code {t}.prev.json} when it is
 * a valid document (agent-written types), write the new one atomically, then update the manifest.
 */
@Component
class ContextStoreWrites {

    private final ContextRepository repository;
    private final ContextEnvelopeCodec codec;
    private final DocumentCheck check;
    private final Clock clock;

    ContextStoreWrites(ContextRepository repository, ContextEnvelopeCodec codec, DocumentCheck check, Clock clock) {
        this.repository = repository;
        this.codec = codec;
        this.check = check;
        this.clock = clock;
    }

    /** Stores the document; true when the type had no document file before. */
    boolean store(ContextEnvelope envelope, boolean keepPrevious) {
        String agentId = envelope.u();
        String type = envelope.t();
        byte[] content = codec.encode(envelope);
        try (LockHandle ignored = repository.lock(agentId)) {
            Optional<byte[]> current = repository.readDocument(agentId, type);
            if (keepPrevious && current.isPresent() && check.check(current, agentId, type).valid()) {
                repository.writePrevious(agentId, type, current.get());
            }
            repository.writeDocument(agentId, type, content);
            ContextManifest manifest = repository.manifest(agentId);
            repository.writeManifest(manifest.with(type, repository.entryOf(envelope), Timestamps.now(clock)));
            return current.isEmpty();
        }
    }

    /** Removes a document, its previous copy and its manifest entry; false when there was none of them. */
    boolean delete(String agentId, String type) {
        try (LockHandle ignored = repository.lock(agentId)) {
            boolean removed = repository.delete(agentId, type);
            ContextManifest manifest = repository.manifest(agentId);
            if (manifest.documents().containsKey(type)) {
                repository.writeManifest(manifest.without(type, Timestamps.now(clock)));
                return true;
            }
            return removed;
        }
    }
}
