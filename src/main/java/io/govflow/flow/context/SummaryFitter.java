package io.govflow.flow.context;

import java.util.Map;

import io.govflow.store.context.ContextEnvelopeCodec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a derived summary within its byte budget: top-level entries are kept in order while they fit, the
 * others are left out and counted in {@code _omitted_keys}.
 */
final class SummaryFitter {

    static final String OMITTED = "_omitted_keys";
    /** Room kept for the {@code "_omitted_keys":n} entry. */
    private static final int MARKER_RESERVE = 32;

    private final ContextEnvelopeCodec codec;

    SummaryFitter(ContextEnvelopeCodec codec) {
        this.codec = codec;
    }

    ObjectNode fit(ObjectNode s, long budget) {
        if (codec.compact(s).length <= budget) {
            return s;
        }
        ObjectNode kept = JsonBits.object();
        long size = 2;
        int omitted = 0;
        for (Map.Entry<String, JsonNode> property : s.properties()) {
            long entry = codec.compact(JsonBits.NODES.stringNode(property.getKey())).length + 1
                    + codec.compact(property.getValue()).length + (kept.isEmpty() ? 0 : 1);
            if (size + entry + MARKER_RESERVE <= budget) {
                kept.set(property.getKey(), property.getValue());
                size += entry;
            } else {
                omitted++;
            }
        }
        kept.put(OMITTED, omitted);
        return kept;
    }
}
