package io.govflow.flow.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.govflow.support.ApiClient;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test-side reading of context files, independent of the production codec. */
final class ContextFiles {

    private ContextFiles() {
    }

    static Path dir(Path dataDir, String agentId) {
        return dataDir.resolve("workspace").resolve("workspace_" + agentId).resolve("agent_context");
    }

    static Path document(Path dataDir, String agentId, String type) {
        return dir(dataDir, agentId).resolve(type + ".json");
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(Path file) {
        return (ObjectNode) ApiClient.JSON.readTree(bytes(file));
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Top-level names in file order, and the byte range [start, end) of each top-level value. */
    static Map<String, long[]> topLevelRanges(byte[] content) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        try (JsonParser parser = ApiClient.JSON.createParser(content)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                long end = parser.currentLocation().getByteOffset();
                ranges.put(name, new long[] {start, end});
            }
        }
        return ranges;
    }

    /** SHA-256 over keys sorted, compact, UTF-8 (the spec's canonical form), computed independently. */
    static String canonicalHash(JsonNode node) {
        try {
            byte[] bytes = ApiClient.JSON.writeValueAsBytes(sorted(node));
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), sorted(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}
