package io.govflow.flow.context;

import java.util.Objects;

import org.springframework.stereotype.Component;

import io.govflow.store.context.CanonicalJson;
import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ManifestEntry.Related;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 5 of the write pipeline: the document context {@code dc} and the metadata {@code m}, each in its fixed
 * key order ({@code m}: {@code db, sb, q, h, ttl_s, trim, over, red, wv}). {@code m.db} and {@code m.sb} are the
 * compact UTF-8 sizes of {@code d} and {@code s} exactly as stored; {@code m.h} hashes the canonical {@code d}.
 */
@Component
public class EnvelopeFactory {

    public static final String VERSION = "1.1";
    public static final String PREVIOUS_VERSION = "1.0";

    private final ContextEnvelopeCodec codec;
    private final CanonicalJson canonical;
    private final long dataBudget;
    private final String writerVersion;

    public EnvelopeFactory(ContextEnvelopeCodec codec, CanonicalJson canonical, ContextProperties properties) {
        this.codec = codec;
        this.canonical = canonical;
        this.dataBudget = properties.dataBudget().toBytes();
        this.writerVersion = "govflow/" + Objects.requireNonNullElse(
                EnvelopeFactory.class.getPackage().getImplementationVersion(), "dev");
    }

    ContextEnvelope build(Draft draft) {
        return new ContextEnvelope(VERSION, draft.type(), draft.agentId(), draft.ts(), draft.src(),
                documentContext(draft), draft.d(), draft.s(), meta(draft));
    }

    long dataBudget() {
        return dataBudget;
    }

    private ObjectNode documentContext(Draft draft) {
        ObjectNode dc = JsonBits.object();
        dc.put("audience", "ai_agents");
        dc.put("purpose", "fast_context_retrieval");
        dc.put("context_type", draft.type());
        ObjectNode journey = dc.putObject("journey");
        journey.put("stage", draft.profile().stage());
        journey.put("action", draft.profile().action());
        journey.put("agent_expectation", TypeProfile.EXPECTATION);
        ObjectNode contract = dc.putObject("retrieval_contract");
        contract.put("preferred", "flat_file");
        contract.putArray("fallback").add("canonical_store").add("semantic");
        ObjectNode guidance = dc.putObject("context_window_guidance");
        guidance.put("byte_budget", dataBudget);
        guidance.put("summary_first", true);
        ArrayNode related = dc.putArray("related_documents");
        for (Related link : draft.related()) {
            related.addObject().put("t", link.t()).put("reason", link.reason());
        }
        return dc;
    }

    private ObjectNode meta(Draft draft) {
        ObjectNode m = JsonBits.object();
        m.put("db", codec.compact(draft.d()).length);
        m.put("sb", codec.compact(draft.s()).length);
        ArrayNode q = m.putArray("q");
        draft.q().forEach(q::add);
        m.put("h", canonical.hash(draft.d()));
        m.put("ttl_s", draft.ttlS());
        m.set("trim", draft.trim());
        m.put("over", draft.over());
        m.put("red", draft.redacted());
        m.put("wv", writerVersion);
        return m;
    }
}
