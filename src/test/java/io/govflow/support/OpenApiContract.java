package io.govflow.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.govflow.support.ApiClient.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks real answers against the service's own OpenAPI document: the status is one the operation documents, every
 * header it documents as required is sent and fits its schema, and the body fits the schema documented for the
 * status and media type (types with null, required, enum, pattern, lengths, bounds, items, map values).
 */
public final class OpenApiContract {

    private final JsonNode document;
    private final List<PathTemplate> paths = new ArrayList<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            paths.add(new PathTemplate(path.getKey(), path.getValue()));
        }
        // literal segments win over parameters (/discoveries/stats before /discoveries/{did})
        paths.sort(Comparator.comparingLong(p -> p.template().chars().filter(c -> c == '{').count()));
    }

    /** The document the service at {@code client} serves. */
    public static OpenApiContract of(ApiClient client) {
        Reply reply = client.get("/v3/api-docs", null);
        if (reply.status() != 200) {
            throw new AssertionError("no OpenAPI document: " + reply.status());
        }
        return new OpenApiContract(reply.body());
    }

    public JsonNode document() {
        return document;
    }

    /** The documented path template {@code path} falls under, or the path itself when none. */
    public String templateOf(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return paths.stream().filter(p -> p.matches(bare)).findFirst().map(PathTemplate::template).orElse(bare);
    }

    /** The operation id of {@code method path}, or null when the document has no such operation. */
    public @Nullable String operationId(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return paths.stream().filter(p -> p.matches(bare)).findFirst()
                .map(p -> p.item().get(method.toLowerCase(Locale.ROOT)))
                .map(op -> op.get("operationId").asString()).orElse(null);
    }

    /** Whether the operation's JSON success answers are documented as JSON values (not as a downloaded file). */
    public boolean answersJsonValues(String operationId) {
        List<Boolean> found = new ArrayList<>();
        forEachJsonSuccess((id, media) -> {
            if (id.equals(operationId)) {
                found.add(!"binary".equals(resolve(media.get("schema")).path("format").asString("")));
            }
        });
        return found.contains(Boolean.TRUE);
    }

    /** The operation ids whose JSON success responses carry an example. */
    public List<String> operationsWithExamples() {
        List<String> ids = new ArrayList<>();
        forEachJsonSuccess((id, media) -> {
            if (media.has("examples") || media.has("example")) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Examples of JSON success responses that do not fit the response's schema. */
    public List<String> exampleViolations() {
        List<String> out = new ArrayList<>();
        forEachJsonSuccess((id, media) -> {
            JsonNode examples = media.get("examples");
            if (examples != null) {
                for (Map.Entry<String, JsonNode> example : examples.properties()) {
                    JsonNode value = resolve(example.getValue()).get("value");
                    validate(value, media.get("schema"), id + " example " + example.getKey(), out);
                }
            }
        });
        return out;
    }

    private void forEachJsonSuccess(java.util.function.BiConsumer<String, JsonNode> action) {
        for (PathTemplate path : paths) {
            for (Map.Entry<String, JsonNode> operation : path.item().properties()) {
                for (Map.Entry<String, JsonNode> response : operation.getValue().get("responses").properties()) {
                    JsonNode media = resolve(response.getValue()).at("/content/application~1json");
                    if (response.getKey().startsWith("2") && !media.isMissingNode()) {
                        action.accept(operation.getValue().get("operationId").asString(), media);
                    }
                }
            }
        }
    }

    /** What does not fit the document in {@code reply} to {@code method path}; empty when everything fits. */
    public List<String> violations(String method, String path, Reply reply) {
        String name = method + " " + path + " -> " + reply.status();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Optional<PathTemplate> template = paths.stream().filter(p -> p.matches(bare)).findFirst();
        if (template.isEmpty()) {
            return List.of(name + ": no documented path");
        }
        JsonNode operation = template.get().item().get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return List.of(name + ": " + method + " is not documented on " + template.get().template());
        }
        JsonNode response = resolve(operation.get("responses").get(Integer.toString(reply.status())));
        if (response == null) {
            return List.of(name + ": status not documented (documented: "
                    + operation.get("responses").propertyNames() + ")");
        }
        List<String> out = new ArrayList<>();
        JsonNode headers = response.get("headers");
        if (headers != null) {
            for (Map.Entry<String, JsonNode> header : headers.properties()) {
                JsonNode declared = resolve(header.getValue());
                Optional<String> sent = reply.headers().firstValue(header.getKey());
                if (sent.isEmpty()) {
                    if (declared.path("required").asBoolean(false)) {
                        out.add(name + ": required header " + header.getKey() + " missing");
                    }
                    continue;
                }
                JsonNode schema = declared.get("schema");
                if (schema != null) {
                    JsonNode value = isType(resolve(schema), "integer")
                            ? ApiClient.JSON.getNodeFactory().numberNode(Long.parseLong(sent.get()))
                            : ApiClient.JSON.getNodeFactory().stringNode(sent.get());
                    validate(value, schema, name + " header " + header.getKey(), out);
                }
            }
        }
        JsonNode content = response.get("content");
        String mediaType = reply.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        if (content == null || content.isEmpty()) {
            if (!reply.raw().isEmpty()) {
                out.add(name + ": a body is sent but none is documented");
            }
            return out;
        }
        JsonNode media = content.get(mediaType);
        if (media == null) {
            out.add(name + ": media type " + mediaType + " not documented (documented: " + content.propertyNames()
                    + ")");
            return out;
        }
        JsonNode schema = resolve(media.get("schema"));
        if (schema == null || "binary".equals(schema.path("format").asString(""))) {
            return out;
        }
        if (reply.json() == null) {
            out.add(name + ": body is not JSON");
            return out;
        }
        validate(reply.json(), schema, name + " $", out);
        return out;
    }

    private void validate(JsonNode value, JsonNode schemaOrRef, String at, List<String> out) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema == null) {
            return;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                boolean any = false;
                for (JsonNode alternative : schema.get(combinator)) {
                    List<String> trial = new ArrayList<>();
                    validate(value, alternative, at, trial);
                    any |= trial.isEmpty();
                }
                if (!any) {
                    out.add(at + ": fits none of " + combinator);
                }
            }
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> validate(value, part, at, out));
        }
        List<String> types = types(schema);
        String kind = kind(value);
        if (!types.isEmpty() && !types.contains(kind) && !(kind.equals("integer") && types.contains("number"))) {
            out.add(at + ": " + kind + " where " + types + " is documented");
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value) || option.asString("").equals(value.asString(null));
            }
            if (!listed) {
                out.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        switch (kind) {
            case "string" -> {
                String text = value.asString();
                int length = text.codePointCount(0, text.length());
                if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
                    out.add(at + ": longer than " + schema.get("maxLength"));
                }
                if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
                    out.add(at + ": shorter than " + schema.get("minLength"));
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
                    out.add(at + ": '" + text + "' does not match " + schema.get("pattern").asString());
                }
            }
            case "integer", "number" -> {
                if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                    out.add(at + ": above " + schema.get("maximum"));
                }
                if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                    out.add(at + ": below " + schema.get("minimum"));
                }
            }
            case "array" -> {
                if (schema.has("maxItems") && value.size() > schema.get("maxItems").asLong()) {
                    out.add(at + ": more items than " + schema.get("maxItems"));
                }
                if (schema.has("items")) {
                    for (int i = 0; i < value.size(); i++) {
                        validate(value.get(i), schema.get("items"), at + "[" + i + "]", out);
                    }
                }
            }
            case "object" -> {
                if (schema.has("required")) {
                    for (JsonNode required : schema.get("required")) {
                        if (!value.has(required.asString())) {
                            out.add(at + ": required property " + required.asString() + " missing");
                        }
                    }
                }
                JsonNode properties = schema.get("properties");
                JsonNode additional = schema.get("additionalProperties");
                for (Map.Entry<String, JsonNode> member : value.properties()) {
                    String where = at + "." + member.getKey();
                    if (properties != null && properties.has(member.getKey())) {
                        validate(member.getValue(), properties.get(member.getKey()), where, out);
                    } else if (additional != null && additional.isObject()) {
                        validate(member.getValue(), additional, where, out);
                    } else if (properties != null && (additional == null || additional.isBoolean() && !additional.asBoolean())) {
                        out.add(where + ": not documented");
                    }
                }
            }
            default -> { }
        }
    }

    private @Nullable JsonNode resolve(@Nullable JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref") && depth < 10; depth++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new AssertionError("unresolvable " + ref);
            }
        }
        return current;
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static boolean isType(@Nullable JsonNode schema, String type) {
        return schema != null && types(schema).contains(type);
    }

    private static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isString()) {
            return "string";
        }
        return value.isArray() ? "array" : "object";
    }

    private record PathTemplate(String template, JsonNode item, Pattern regex) {

        PathTemplate(String template, JsonNode item) {
            this(template, item, Pattern.compile(
                    "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E"));
        }

        boolean matches(String path) {
            return regex.matcher(path).matches();
        }
    }
}
