package io.govflow.store.context;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a data block for {@code m.h}: object keys sorted (by UTF-16 code units, as
 * {@link String#compareTo} orders them), compact, UTF-8; hashed with SHA-256 as {@code sha256:<64 hex>}.
 */
public final class CanonicalJson {

    public static final String PREFIX = "sha256:";

    private final StoreJson json;

    public CanonicalJson(StoreJson json) {
        this.json = json;
    }

    public byte[] canonicalBytes(JsonNode node) {
        return json.toCompactBytes(sorted(node));
    }

    public String hash(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalBytes(node));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode out = json.object();
            for (Map.Entry<String, JsonNode> field : fields) {
                out.set(field.getKey(), sorted(field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.array();
            for (JsonNode item : node) {
                out.add(sorted(item));
            }
            return out;
        }
        return node;
    }
}
