package io.govflow.web.config;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.govflow.engine.Decision;
import io.govflow.engine.StatusPolicy;
import io.govflow.engine.Verdict;
import io.govflow.flow.context.ContextSourceKind;
import io.govflow.store.context.ContextFileNames;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.export.ExportFormat;
import io.govflow.store.export.ExportKind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The value constraints of the document, from the code's own constants: the id patterns of path parameters, the
 * closed sets of values as enums, the timestamp pattern, free-form JSON objects as such, and a limit on every
 * string, integer and array. Bean Validation annotations give the tightest limits (springdoc reads them); where a
 * value has no tighter limit, strings and arrays in requests are bounded by the request body limit
 * ({@code govflow.http.max-body}) and integers by their format.
 */
final class SchemaContract implements OpenApiCustomizer {

    /** Agent ids everywhere (AgentIds: the ids become file names). */
    static final String AGENT_ID = "^[A-Za-z0-9_-]{3,64}$";
    /** Dialectic session ids as the session endpoints accept them (SessionIds). */
    static final String SESSION_ID = "^[0-9a-f]{16}$";
    /** Context document types: lower-case dotted names (ContextTypes). */
    static final String CONTEXT_TYPE = "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){0,5}$";
    /** Export file names with their extension (ExportNames). */
    static final String EXPORT_FILE = "^[A-Za-z0-9][A-Za-z0-9_-]{0,199}\\.(json|csv)$";
    /** Export file-name stems without extension (ExportNames). */
    static final String EXPORT_STEM = "^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$";
    /**
     * Timestamps as the seed's files hold them: ISO 8601 local date-time, usually without an offset (the
     * reference's naive form), so not RFC 3339 {@code date-time}.
     */
    static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?$";
    static final String TIMESTAMP_DESCRIPTION = "ISO 8601 date-time as the seed writes it, e.g. "
            + "2025-12-01T15:12:45.585896 (no offset: the reference's naive timestamps)";

    /** Timestamps that are an empty string while there is nothing to date (a manifest never written). */
    private static final Map<String, String> EMPTY_WHEN_NONE = Map.of("ContextListResponse", "updated_at");

    private static final List<String> AGENT_ID_FIELDS = List.of("agent_id", "paused_agent_id", "reviewer_agent_id",
            "parent_agent_id");

    /** Closed sets of values, by schema name and property name. */
    private static final Map<String, Map<String, List<String>>> ENUMS = Map.ofEntries(
            Map.entry("UpdateResponse", Map.of("status", health())),
            Map.entry("MetricsResponse", Map.of("status", health(), "verdict", verdicts())),
            Map.entry("MetricsBody", Map.of("health_status", health(), "verdict", verdicts())),
            Map.entry("Decision", Map.of("action", List.of(Decision.PROCEED, Decision.PAUSE))),
            Map.entry("ExportRequest", Map.of("format", formats())),
            Map.entry("ExportResponse", Map.of("format", formats())),
            Map.entry("HistoryResponse", Map.of("format", formats())),
            Map.entry("Entry", Map.of("format", formats(), "kind", kinds())),
            Map.entry("ExportFileReport", Map.of("kind", kinds())),
            Map.entry("ValidationRequest", Map.of("kind", kinds())),
            Map.entry("ReviewCreatedResponse", Map.of("phase", phases())),
            Map.entry("ReviewStepResponse", Map.of("phase", phases())),
            Map.entry("ReviewSessionSummary", Map.of("phase", phases())),
            Map.entry("ContextReadResponse", Map.of("source", sources())),
            Map.entry("ThresholdsResponse", Map.of("source", List.of("default", "persisted"))));

    /** Query parameters with a closed set of values, by name. */
    private static final Map<String, List<String>> PARAMETER_ENUMS = Map.of(
            "format", formats(),
            "kind", kinds(),
            "view", List.of("summary", "full"));

    private final long maxBodyBytes;

    SchemaContract(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> inRequests = reachable(schemas, requestBodySchemas(openApi));
        schemas.forEach((name, schema) -> describe(name, schema, inRequests.contains(name)));
        operations(openApi).forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(this::describe);
            }
            if (operation.getRequestBody() != null) {
                schemasOf(operation.getRequestBody().getContent()).forEach(s -> walk(s, null, true));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().stream().flatMap(r -> schemasOf(r.getContent()))
                        .forEach(s -> walk(s, null, false));
            }
        });
    }

    private void describe(String name, Schema<?> schema, boolean inRequest) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Map<String, List<String>> enums = ENUMS.getOrDefault(name, Map.of());
            properties.forEach((property, value) -> {
                List<String> values = enums.get(property);
                if (values != null && isType(value, "string")) {
                    value.setEnum(null);
                    values.forEach(v -> addEnum(value, v));
                }
            });
        }
        String emptyWhenNone = EMPTY_WHEN_NONE.get(name);
        if (emptyWhenNone != null && properties != null && properties.get(emptyWhenNone) != null) {
            Schema<?> timestamp = properties.get(emptyWhenNone);
            timestamp.setPattern("^$|" + TIMESTAMP);
            timestamp.setMaxLength(40);
            timestamp.setDescription(TIMESTAMP_DESCRIPTION + "; empty while there is none");
        }
        walk(schema, null, inRequest);
    }

    @SuppressWarnings("unchecked")
    private static void addEnum(Schema<?> schema, String value) {
        ((Schema<Object>) schema).addEnumItemObject(value);
    }

    /** Limits, patterns and free-form objects, recursively through properties, items and map values. */
    private void walk(@Nullable Schema<?> schema, @Nullable String property, boolean inRequest) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if (property != null) {
            byName(schema, property);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, value) -> walk(value, name, inRequest));
        }
        if (schema.getItems() != null) {
            walk(schema.getItems(), property == null ? null : property + "[]", inRequest);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (isFreeForm(values)) {
                schema.setAdditionalProperties(Boolean.TRUE);
            } else {
                walk(values, null, inRequest);
            }
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(l -> l != null)
                .flatMap(List::stream).forEach(s -> walk(s, property, inRequest));
        limit(schema, inRequest);
    }

    /** Patterns that follow from what a value is, recognized by its property name. */
    private static void byName(Schema<?> schema, String property) {
        if (!isType(schema, "string") || schema.getEnum() != null) {
            return;
        }
        boolean timestamp = property.endsWith("_at") || property.endsWith("_until") || property.equals("timestamp")
                || property.equals("last_update") || property.equals("recent_update_timestamps[]");
        if (timestamp && schema.getPattern() == null) {
            schema.setPattern(TIMESTAMP);
            schema.setMaxLength(40);
            if (schema.getDescription() == null) {
                schema.setDescription(TIMESTAMP_DESCRIPTION);
            }
        }
        if (AGENT_ID_FIELDS.contains(property) && schema.getPattern() == null) {
            schema.setPattern(AGENT_ID);
            schema.setMaxLength(64);
        }
    }

    /** A limit on every string, integer and array that has none. */
    private void limit(Schema<?> schema, boolean inRequest) {
        if (isType(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null) {
            schema.setMaxLength(inRequest ? saturated(maxBodyBytes) : Integer.MAX_VALUE);
        }
        if (isType(schema, "array") && schema.getMaxItems() == null) {
            schema.setMaxItems(inRequest ? saturated(maxBodyBytes / 2) : Integer.MAX_VALUE);
        }
        if (isType(schema, "integer")) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }

    /** Path and query parameters: ids by their patterns, closed sets as enums, every value limited. */
    private void describe(Parameter parameter) {
        if (parameter.getSchema() == null || parameter.getSchema().get$ref() != null) {
            return;
        }
        // springdoc shares one schema object between parameters of one type: constrain a copy of it
        Schema<?> schema = copyOf(parameter.getSchema());
        parameter.setSchema(schema);
        String name = parameter.getName();
        if ("path".equals(parameter.getIn())) {
            switch (name) {
                case "id" -> constrain(schema, AGENT_ID, 3, 64);
                case "sid" -> constrain(schema, SESSION_ID, 16, 16);
                case "did" -> constrain(schema, null, 1, 64);
                case "type" -> constrain(schema, CONTEXT_TYPE, 1, ContextFileNames.MAX_TYPE_LENGTH);
                case "filename" -> constrain(schema, EXPORT_FILE, 6, 205);
                default -> { }
            }
        } else if ("query".equals(parameter.getIn()) && name.equals("agent_id")) {
            constrain(schema, AGENT_ID, 3, 64);
        }
        List<String> values = PARAMETER_ENUMS.get(name);
        if (values != null && isType(schema, "string") && schema.getEnum() == null) {
            values.forEach(v -> addEnum(schema, v));
        }
        if (name.equals("limit") && isType(schema, "integer")) {
            schema.setMinimum(BigDecimal.ONE);
            schema.setMaximum(BigDecimal.valueOf(100));
        }
        walk(schema, null, true);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema<?> copyOf(Schema<?> source) {
        Schema copy = new Schema<>();
        copy.setType(source.getType());
        copy.setTypes(source.getTypes() == null ? null : new java.util.LinkedHashSet<>(source.getTypes()));
        copy.setFormat(source.getFormat());
        copy.setDescription(source.getDescription());
        if (source.getDefault() != null) {
            copy.setDefault(source.getDefault());
        }
        if (source.getExample() != null) {
            copy.setExample(source.getExample());
        }
        copy.setEnum(source.getEnum() == null ? null : new java.util.ArrayList<>(source.getEnum()));
        copy.setPattern(source.getPattern());
        copy.setMinLength(source.getMinLength());
        copy.setMaxLength(source.getMaxLength());
        copy.setMinimum(source.getMinimum());
        copy.setMaximum(source.getMaximum());
        copy.setExclusiveMinimumValue(source.getExclusiveMinimumValue());
        copy.setExclusiveMaximumValue(source.getExclusiveMaximumValue());
        copy.setItems(source.getItems());
        copy.setMinItems(source.getMinItems());
        copy.setMaxItems(source.getMaxItems());
        return copy;
    }

    private static void constrain(Schema<?> schema, @Nullable String pattern, int minLength, int maxLength) {
        if (pattern != null) {
            schema.setPattern(pattern);
        }
        schema.setMinLength(minLength);
        schema.setMaxLength(maxLength);
    }

    private static boolean isFreeForm(Schema<?> schema) {
        return schema.get$ref() == null && schema.getProperties() == null && schema.getItems() == null
                && schema.getAdditionalProperties() == null && (isType(schema, "object") || typeless(schema));
    }

    private static boolean typeless(Schema<?> schema) {
        return schema.getType() == null && (schema.getTypes() == null || schema.getTypes().isEmpty());
    }

    static boolean isType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }

    private static int saturated(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, value));
    }

    private static Stream<Operation> operations(OpenAPI openApi) {
        return openApi.getPaths() == null ? Stream.empty()
                : openApi.getPaths().values().stream().map(PathItem::readOperations).flatMap(Collection::stream);
    }

    private static Stream<Schema> schemasOf(@Nullable Content content) {
        return content == null ? Stream.empty()
                : content.values().stream().map(MediaType::getSchema).filter(s -> s != null);
    }

    private static Set<String> requestBodySchemas(OpenAPI openApi) {
        Set<String> names = new HashSet<>();
        operations(openApi).filter(o -> o.getRequestBody() != null)
                .flatMap(o -> schemasOf(o.getRequestBody().getContent()))
                .forEach(s -> refs(s, names::add));
        return names;
    }

    /** The component schemas reachable from {@code roots} through $refs. */
    private static Set<String> reachable(Map<String, Schema> schemas, Set<String> roots) {
        Set<String> seen = new HashSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema<?> schema = schemas.get(todo.pop());
            if (schema != null) {
                refs(schema, name -> {
                    if (seen.add(name)) {
                        todo.push(name);
                    }
                });
            }
        }
        return seen;
    }

    /** Every $ref name inside {@code schema}, recursively through inline schemas. */
    private static void refs(Schema<?> schema, Consumer<String> sink) {
        refs(schema, sink, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void refs(@Nullable Schema<?> schema, Consumer<String> sink, Set<Schema<?>> visited) {
        if (schema == null || !visited.add(schema)) {
            return;
        }
        if (schema.get$ref() != null) {
            sink.accept(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> refs(s, sink, visited));
        }
        refs(schema.getItems(), sink, visited);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            refs(values, sink, visited);
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(l -> l != null)
                .flatMap(List::stream).forEach(s -> refs(s, sink, visited));
    }

    private static List<String> health() {
        return List.of(StatusPolicy.HEALTHY, StatusPolicy.MODERATE, StatusPolicy.CRITICAL);
    }

    private static List<String> verdicts() {
        return List.of(Verdict.SAFE, Verdict.CAUTION, Verdict.HIGH_RISK);
    }

    private static List<String> formats() {
        return Arrays.stream(ExportFormat.values()).map(ExportFormat::extension).toList();
    }

    private static List<String> kinds() {
        return Arrays.stream(ExportKind.values()).map(ExportKind::wire).toList();
    }

    private static List<String> phases() {
        return List.of(DialecticSession.THESIS, DialecticSession.ANTITHESIS, DialecticSession.SYNTHESIS,
                DialecticSession.RESOLVED, DialecticSession.ESCALATED, DialecticSession.FAILED);
    }

    private static List<String> sources() {
        return Arrays.stream(ContextSourceKind.values()).map(ContextSourceKind::code).toList();
    }
}
