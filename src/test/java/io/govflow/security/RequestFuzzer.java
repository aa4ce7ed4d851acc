package io.govflow.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates requests from the service's own OpenAPI document: every documented operation, its path variables
 * (known ids or hostile strings), query parameters, headers, credentials, and a body built from the request
 * schema (its examples, snake_case as on the wire) that is then kept valid or mutated — fields dropped, added,
 * retyped, numbers out of any range, deep nesting, long and strange strings, truncated or non-JSON text, invalid
 * UTF-8, duplicate names. Deterministic for a given {@link Random}.
 */
final class RequestFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE" };
    private static final String[] HOSTILE_SEGMENTS = { "..", "%2e%2e%2f", "..%2Fetc", "%00", "%252e%252e",
            "a%20b", "%C3%A9t%C3%A9", "%EF%BC%8E%EF%BC%8E", "CON", "x.tmp", ".hidden", "-", "_", "%E2%80%AE",
            "a".repeat(65), "a".repeat(300), "%", "%zz", "%3B", "null", "undefined", "0", "-1", "1e999",
            "%7B%7D", "agent%2Fother", "%5C..%5C" };
    private static final String[] STRANGE_STRINGS = { "", " ", "\u0000", "\u202e\u202d", "\uD83D\uDE00", "\uFEFF",
            "\r\nX-Injected: 1", "<script>alert(1)</script>", "'; DROP TABLE agents; --", "${jndi:ldap://x}",
            "../../etc/passwd", "\\u0000", "%s%s%s%n", "\u0130\u0131", "null", "true", "1e999", "NaN" };
    private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8",
            "application/json; charset=utf-16", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/*", "*/*", "garbage", "application/problem+json" };
    private static final String[] ACCEPTS = { "application/json", "*/*", "application/xml", "text/csv",
            "text/html", "application/problem+json", "image/png" };

    /** One documented operation. */
    record Operation(String method, String path, List<JsonNode> parameters, @Nullable JsonNode bodySchema) {
    }

    /** A generated request. */
    record Request(String method, String path, Map<String, String> headers, byte @Nullable [] body,
            String description) {
    }

    /** Where known-good values come from (registered agents, their keys, admin token, known names). */
    interface Fixtures {
        String agentId(Random random);

        @Nullable String keyOf(String agentId);

        String adminToken();

        List<String> knownValues(String variable);
    }

    private final List<Operation> operations = new ArrayList<>();
    private final JsonNode components;
    private final Fixtures fixtures;

    RequestFuzzer(JsonNode apiDocs, Fixtures fixtures) {
        this.fixtures = fixtures;
        this.components = apiDocs.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : apiDocs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                List<JsonNode> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(parameters::add);
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters,
                        schema.isMissingNode() ? null : schema));
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    Request next(Random random) {
        Operation op = operations.get(random.nextInt(operations.size()));
        StringBuilder notes = new StringBuilder(op.method() + " " + op.path());
        String method = random.nextInt(12) == 0 ? METHODS[random.nextInt(METHODS.length)] : op.method();
        String agent = fixtures.agentId(random);
        String path = fillPath(op.path(), agent, random, notes);
        path += query(op, random, notes);
        Map<String, String> headers = new LinkedHashMap<>();
        credential(agent, random, headers, notes);
        for (JsonNode parameter : op.parameters()) {
            if ("header".equals(parameter.path("in").asString()) && random.nextBoolean()) {
                headers.put(parameter.get("name").asString(), pick(random, "k-" + random.nextInt(50), "*",
                        "\"" + random.nextInt(99) + "\"", "W/\"x\"", "a".repeat(200), "\u00e9t\u00e9"));
            }
        }
        if (random.nextInt(8) == 0) {
            headers.put("Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]);
        }
        byte[] body = null;
        if (op.bodySchema() != null || random.nextInt(10) == 0) {
            body = body(op, random, notes);
            headers.put("Content-Type", random.nextInt(6) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]
                    : "application/json");
        }
        return new Request(method, path, headers, body, notes.toString());
    }

    private String fillPath(String template, String agent, Random random, StringBuilder notes) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                out.append(template.substring(at));
                return out.toString();
            }
            int close = template.indexOf('}', open);
            out.append(template, at, open);
            String variable = template.substring(open + 1, close);
            String value;
            int roll = random.nextInt(10);
            if (roll < 7) {
                value = variable.equals("id") ? agent : known(variable, random);
            } else {
                value = HOSTILE_SEGMENTS[random.nextInt(HOSTILE_SEGMENTS.length)];
                notes.append(" {").append(variable).append("}=").append(value);
            }
            out.append(value);
            at = close + 1;
        }
    }

    private String known(String variable, Random random) {
        List<String> values = fixtures.knownValues(variable);
        return values.isEmpty() ? "x" + random.nextInt(5) : values.get(random.nextInt(values.size()));
    }

    private String query(Operation op, Random random, StringBuilder notes) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : op.parameters()) {
            if ("query".equals(parameter.path("in").asString()) && random.nextBoolean()) {
                pairs.add(parameter.get("name").asString() + "=" + queryValue(parameter.path("schema"), random));
            }
        }
        if (random.nextInt(15) == 0) {
            pairs.add(pick(random, "api_key", "access_token", "page", "unknown") + "="
                    + HOSTILE_SEGMENTS[random.nextInt(HOSTILE_SEGMENTS.length)]);
        }
        if (pairs.isEmpty()) {
            return "";
        }
        notes.append(" ?").append(String.join("&", pairs));
        return "?" + String.join("&", pairs);
    }

    private String queryValue(JsonNode schema, Random random) {
        if (random.nextInt(4) == 0) {
            return HOSTILE_SEGMENTS[random.nextInt(HOSTILE_SEGMENTS.length)];
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asString();
        }
        return switch (schema.path("type").asString("string")) {
            case "integer" -> Integer.toString(pick(random, 0, 1, 50, 200, 201, -1, Integer.MAX_VALUE));
            case "boolean" -> pick(random, "true", "false", "yes");
            default -> pick(random, "json", "csv", "history", "package", "full", "summary", "active", "x");
        };
    }

    private void credential(String agent, Random random, Map<String, String> headers, StringBuilder notes) {
        int roll = random.nextInt(20);
        String own = fixtures.keyOf(agent);
        String value;
        if (roll < 11 && own != null) {
            value = "Bearer " + own;
        } else if (roll < 14) {
            String other = fixtures.keyOf(fixtures.agentId(random));
            value = other == null ? null : "Bearer " + other;
        } else if (roll < 16) {
            value = "Bearer " + fixtures.adminToken();
        } else if (roll < 18) {
            value = null;
        } else {
            value = pick(random, "Bearer", "Bearer ", "Basic YWJjOmRlZg==", "Bearer gvf_" + "A".repeat(43),
                    "bearer  nothing", "Bearer \u00e9");
            notes.append(" auth=").append(value);
        }
        if (value != null) {
            headers.put("Authorization", value);
        }
    }

    private byte[] body(Operation op, Random random, StringBuilder notes) {
        JsonNode valid = op.bodySchema() == null ? NODES.objectNode() : example(op.bodySchema(), random, 0);
        int mutation = random.nextInt(16);
        notes.append(" body#").append(mutation);
        return switch (mutation) {
            case 0, 1, 2, 3, 4 -> bytes(valid);
            case 5 -> bytes(dropField(valid, random));
            case 6 -> bytes(addField(valid, random));
            case 7 -> bytes(retype(valid, random));
            case 8 -> text(bytes(valid), random);
            case 9 -> truncated(bytes(valid), random);
            case 10 -> utf8(pick(random, "", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\":}", "{'a': 1}",
                    "[" .repeat(300), "{\"a\":1}{\"b\":2}"));
            case 11 -> invalidUtf8(bytes(valid), random);
            case 12 -> duplicateName(valid, random);
            case 13 -> bytes(deep(valid, random));
            case 14 -> bytes(strangeValues(valid, random));
            default -> bytes(camelCaseNames(valid));
        };
    }

    private JsonNode example(JsonNode schema, Random random, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example") && random.nextInt(4) != 0) {
            return normalizeExample(resolved.get("example"));
        }
        if (resolved.has("enum")) {
            JsonNode values = resolved.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> object(resolved, random, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4 && resolved.has("items") && random.nextBoolean()) {
                    array.add(example(resolved.get("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(pick(random, 0, 1, 3, 100, 3600));
            case "number" -> NODES.numberNode(pick(random, 0.0, 0.25, 0.5, 0.9, 1.0));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "string" -> NODES.stringNode(resolved.has("pattern") ? "valid_value_" + random.nextInt(9)
                    : pick(random, "text", "a short note", "project.notes"));
            default -> {
                ObjectNode free = NODES.objectNode();
                free.put("note", "free-form " + random.nextInt(100));
                yield free;
            }
        };
    }

    private ObjectNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (depth < 4 && (required.contains(property.getKey()) || random.nextInt(3) != 0)) {
                object.set(snake(property.getKey()), example(property.getValue(), random, depth + 1));
            }
        }
        return object;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            JsonNode target = components.path(ref.substring("#/components/schemas/".length()));
            if (schema.has("example") && !target.has("example")) {
                ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : NODES.objectNode();
                merged.set("example", schema.get("example"));
                return merged;
            }
            return target;
        }
        return schema;
    }

    /** Examples written as JSON text in annotations ({@code "[0.1, 0.0]"}) become JSON. */
    private static JsonNode normalizeExample(JsonNode example) {
        if (example.isString()) {
            String text = example.asString().strip();
            if (text.startsWith("[") || text.startsWith("{")) {
                try {
                    return JSON.readTree(text);
                } catch (RuntimeException notJson) {
                    return example;
                }
            }
        }
        return example;
    }

    private static JsonNode dropField(JsonNode valid, Random random) {
        if (valid instanceof ObjectNode object && !object.isEmpty()) {
            ObjectNode copy = object.deepCopy();
            List<String> names = new ArrayList<>(copy.propertyNames());
            copy.remove(names.get(random.nextInt(names.size())));
            return copy;
        }
        return valid;
    }

    private static JsonNode addField(JsonNode valid, Random random) {
        ObjectNode copy = valid instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        copy.put(pick(random, "is_admin", "api_key", "version", "total_updates", "status", "agent_id", "tenant_id",
                "__proto__", "constructor", ""), pick(random, "x", "admin", "archived", "999"));
        return copy;
    }

    private static JsonNode retype(JsonNode valid, Random random) {
        if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
            return NODES.arrayNode().add(valid);
        }
        ObjectNode copy = object.deepCopy();
        List<String> names = new ArrayList<>(copy.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        Supplier<JsonNode>[] replacements = replacements(random);
        copy.set(name, replacements[random.nextInt(replacements.length)].get());
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Supplier<JsonNode>[] replacements(Random random) {
        return new Supplier[] { NODES::nullNode, () -> NODES.stringNode("string"), () -> NODES.booleanNode(true),
                NODES::arrayNode, NODES::objectNode, () -> NODES.numberNode(-1), () -> NODES.numberNode(1e308),
                () -> NODES.numberNode(Long.MAX_VALUE), () -> NODES.numberNode(-0.0),
                () -> NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                () -> NODES.stringNode("x".repeat(10_000 + random.nextInt(60_000))),
                () -> NODES.arrayNode().add(NODES.nullNode()) };
    }

    private static JsonNode strangeValues(JsonNode valid, Random random) {
        if (!(valid instanceof ObjectNode object)) {
            return NODES.stringNode(STRANGE_STRINGS[random.nextInt(STRANGE_STRINGS.length)]);
        }
        ObjectNode copy = object.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isString() || random.nextInt(3) == 0) {
                entry.setValue(NODES.stringNode(STRANGE_STRINGS[random.nextInt(STRANGE_STRINGS.length)]));
            }
        }
        return copy;
    }

    private static JsonNode deep(JsonNode valid, Random random) {
        JsonNode nested = NODES.numberNode(1);
        int depth = 20 + random.nextInt(120);
        for (int d = 0; d < depth; d++) {
            nested = random.nextBoolean() ? NODES.arrayNode().add(nested) : NODES.objectNode().set("n", nested);
        }
        ObjectNode copy = valid instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        List<String> names = new ArrayList<>(copy.propertyNames());
        copy.set(names.isEmpty() ? "nested" : names.get(random.nextInt(names.size())), nested);
        return copy;
    }

    private static JsonNode camelCaseNames(JsonNode valid) {
        if (!(valid instanceof ObjectNode object)) {
            return valid;
        }
        ObjectNode out = NODES.objectNode();
        object.properties().forEach(e -> out.set(camel(e.getKey()), e.getValue()));
        return out;
    }

    private static byte[] duplicateName(JsonNode valid, Random random) {
        String text = valid.toString();
        if (text.length() < 3 || !text.startsWith("{") || valid.isEmpty()) {
            return utf8("{\"a\": 1, \"a\": 2}");
        }
        String first = ((ObjectNode) valid).propertyNames().iterator().next();
        return utf8("{\"" + first + "\": null, " + text.substring(1));
    }

    private static byte[] text(byte[] json, Random random) {
        String s = new String(json, StandardCharsets.UTF_8);
        int at = random.nextInt(s.length() + 1);
        return utf8(s.substring(0, at) + STRANGE_STRINGS[random.nextInt(STRANGE_STRINGS.length)] + s.substring(at));
    }

    private static byte[] truncated(byte[] json, Random random) {
        return java.util.Arrays.copyOf(json, random.nextInt(json.length + 1));
    }

    private static byte[] invalidUtf8(byte[] json, Random random) {
        byte[] out = java.util.Arrays.copyOf(json, json.length + 2);
        int at = Math.max(1, random.nextInt(Math.max(1, json.length)));
        System.arraycopy(json, at, out, at + 2, json.length - at);
        out[at] = pick(random, 0xC0, 0xFF, 0xED, 0x80).byteValue();
        out[at + 1] = pick(random, 0xAF, 0xA0, 0x28, 0xFE).byteValue();
        return out;
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c) && out.length() > 0 && camel.length() > 1) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        String result = out.toString();
        return camel.length() == 1 ? camel : result;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
