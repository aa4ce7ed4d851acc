package io.govflow.web.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Schemas of request records, resolved by the same converters as the OpenAPI document (snake_case names,
 * Bean Validation bounds, required components), for transports other than REST that take the same bodies (the
 * MCP tools' input schemas). One source of truth: a change of a request record changes both.
 */
public final class RequestSchemas {

    private static final String COMPONENTS = "#/components/schemas/";
    private static final String DEFS = "#/$defs/";

    private RequestSchemas() {
    }

    /**
     * The record's schema as a JSON object: its {@code properties} and {@code required}, with the schemas it
     * refers to under {@code $defs}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Class<? extends Record> type, JsonMapper json) {
        ModelConverters converters = OpenApiConfiguration.requestConverters();
        ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type));
        Map<String, Schema> referenced = new LinkedHashMap<>(
                resolved.referencedSchemas == null ? Map.of() : resolved.referencedSchemas);
        Schema<?> schema = resolved.schema;
        String ref = schema.get$ref();
        if (ref != null && referenced.containsKey(ref.substring(ref.lastIndexOf('/') + 1))) {
            schema = referenced.remove(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Map<String, Object> root = json.readValue(write(schema), Map.class);
        if (!referenced.isEmpty()) {
            root.put("$defs", json.readValue(write(referenced), Map.class));
        }
        return root;
    }

    private static String write(Object schema) {
        try {
            return Json31.mapper().writeValueAsString(schema).replace(COMPONENTS, DEFS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request schema cannot be written", e);
        }
    }
}
