package io.govflow.store.context;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreJson;

/**
 * The manifest as every store reads it: the stored one when it parses and names the tenant, else one rebuilt in
 * memory from the current documents that decode and belong to the tenant and type (the next change stores it).
 */
public final class ManifestRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestRebuild.class);

    private final ContextEnvelopeCodec envelopes;
    private final ManifestCodec manifests;

    public ManifestRebuild(StoreJson json) {
        this.envelopes = new ContextEnvelopeCodec(json);
        this.manifests = new ManifestCodec(json);
    }

    public byte[] encode(ContextManifest manifest) {
        return manifests.encode(manifest);
    }

    /** The stored manifest when usable; otherwise rebuilt from {@code documents} (type → current content). */
    public ContextManifest readOrRebuild(String agentId, Optional<byte[]> stored,
            Supplier<Map<String, byte[]>> documents) {
        if (stored.isPresent()) {
            try {
                ContextManifest manifest = manifests.decode(stored.get());
                if (manifest.agentId().equals(agentId)) {
                    return manifest;
                }
                LOG.warn("Context manifest of {} names another tenant; rebuilding it", LogText.safe(agentId));
            } catch (FileFormatException e) {
                LOG.warn("Context manifest of {} is damaged ({}); rebuilding it", LogText.safe(agentId),
                        LogText.safe(e.getMessage()));
            }
        }
        return rebuild(agentId, documents.get());
    }

    private ContextManifest rebuild(String agentId, Map<String, byte[]> documents) {
        SortedMap<String, ManifestEntry> entries = new TreeMap<>();
        documents.forEach((type, content) -> Optional.ofNullable(envelopes.decode(content).envelope())
                .filter(envelope -> envelope.u().equals(agentId) && envelope.t().equals(type))
                .ifPresent(envelope -> entries.put(type, ManifestEntry.of(envelope))));
        return new ContextManifest(agentId, "", entries);
    }
}
