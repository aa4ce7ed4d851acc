package io.govflow.flow.context;

import java.util.List;

import io.govflow.store.context.ManifestEntry.Related;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a document is made of before its metadata is computed.
 *
 * @param trim     {@code m.trim}
 * @param over     {@code m.over}
 * @param redacted {@code m.red}
 */
record Draft(String agentId, String type, String ts, String src, TypeProfile profile, ObjectNode d, ObjectNode s,
        List<String> q, long ttlS, ArrayNode trim, boolean over, int redacted, List<Related> related) {

    Draft {
        q = List.copyOf(q);
        related = List.copyOf(related);
    }
}
