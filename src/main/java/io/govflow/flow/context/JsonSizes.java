package io.govflow.flow.context;

import java.util.IdentityHashMap;
import java.util.Map;

import io.govflow.store.context.ContextEnvelopeCodec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Exact compact UTF-8 sizes of JSON trees as the envelope codec writes them. Containers are summed from their
 * parts (compact JSON is a plain concatenation), leaves are serialized, so the result equals the stored bytes.
 */
final class JsonSizes {

    private final ContextEnvelopeCodec codec;
    private final Map<JsonNode, Long> memo = new IdentityHashMap<>();

    JsonSizes(ContextEnvelopeCodec codec) {
        this.codec = codec;
    }

    /** The size of a node; container sizes are remembered (call {@link #forget} after changing a tree). */
    long size(JsonNode node) {
        if (!node.isContainer()) {
            return codec.compact(node).length;
        }
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        long size = 2 + Math.max(0, node.size() - 1);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                size += keySize(property.getKey()) + 1 + size(property.getValue());
            }
        } else {
            for (JsonNode item : node) {
                size += size(item);
            }
        }
        memo.put(node, size);
        return size;
    }

    void forget() {
        memo.clear();
    }

    private long keySize(String key) {
        return codec.compact(StringNode.valueOf(key)).length;
    }
}
