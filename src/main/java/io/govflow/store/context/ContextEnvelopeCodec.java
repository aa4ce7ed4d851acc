package io.govflow.store.context;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LenientFields;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The on-disk form of a context document: compact one-line UTF-8 JSON, keys in the fixed order
 * {@code v, t, u, ts, src, dc, d, s, m} ({@code dc} left out when absent), no trailing newline. Reading checks
 * the minimum fields ({@code t, u, ts} strings, {@code v} present, {@code d} an object); older writers' loose types
 * are read leniently ({@code v} and {@code src} as text, a {@code dc}, {@code s} or {@code m} that is not an object
 * as absent, so the summary and metadata are derived again); everything else is the reader's policy.
 */
public final class ContextEnvelopeCodec {

    private final StoreJson json;

    public ContextEnvelopeCodec(StoreJson json) {
        this.json = json;
    }

    public byte[] encode(ContextEnvelope envelope) {
        return json.toCompactBytes(toNode(envelope, true));
    }

    /** The envelope as a tree in the fixed key order, optionally without {@code d}. */
    public ObjectNode toNode(ContextEnvelope envelope, boolean withData) {
        ObjectNode node = json.object();
        node.put("v", envelope.v());
        node.put("t", envelope.t());
        node.put("u", envelope.u());
        node.put("ts", envelope.ts());
        node.put("src", envelope.src());
        if (envelope.dc() != null) {
            node.set("dc", envelope.dc());
        }
        if (withData) {
            node.set("d", envelope.d());
        }
        node.set("s", envelope.s());
        node.set("m", envelope.m());
        return node;
    }

    /** Compact bytes of one block, exactly as it appears inside the stored document. */
    public byte[] compact(JsonNode block) {
        return json.toCompactBytes(block);
    }

    public Decoded decode(byte[] content) {
        ObjectNode root;
        try {
            root = json.parseObject(content);
        } catch (FileFormatException e) {
            return Decoded.defect(Defect.NOT_JSON_OBJECT);
        }
        LenientFields lenient = new LenientFields(root);
        String v = lenient.nullableText("v");
        String t = text(root, "t");
        String u = text(root, "u");
        String ts = text(root, "ts");
        JsonNode d = root.get("d");
        if (v == null || t == null || u == null || ts == null || d == null || !d.isObject()) {
            return Decoded.defect(Defect.MISSING_FIELDS);
        }
        String src = lenient.text("src", "");
        ObjectNode dc = lenient.nullableObject("dc");
        ObjectNode s = lenient.nullableObject("s");
        ObjectNode m = lenient.nullableObject("m");
        return new Decoded(new ContextEnvelope(v, t, u, ts, src, dc, (ObjectNode) d,
                s == null ? json.object() : s, m == null ? json.object() : m), null);
    }

    private static @Nullable String text(ObjectNode root, String name) {
        JsonNode node = root.get(name);
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** What makes stored bytes unusable as an envelope at all. */
    public enum Defect {
        /** Not parseable, or not a JSON object. */
        NOT_JSON_OBJECT,
        /** One of {@code v, t, u, ts, d} is missing, or {@code t, u, ts, d} have the wrong type. */
        MISSING_FIELDS
    }

    /** The envelope, or the reason there is none. */
    public record Decoded(@Nullable ContextEnvelope envelope, @Nullable Defect defect) {

        static Decoded defect(Defect defect) {
            return new Decoded(null, defect);
        }
    }
}
