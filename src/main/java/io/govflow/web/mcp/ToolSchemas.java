package io.govflow.web.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.web.auth.Access;
import io.govflow.web.config.RequestSchemas;

import tools.jackson.databind.json.JsonMapper;

/**
 * A tool's input schema: its declared arguments, then the properties of its REST body record as the OpenAPI
 * document describes them (renamed where the reference names a field differently), then {@code api_key}.
 */
final class ToolSchemas {

    private ToolSchemas() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> input(GovflowTool tool, JsonMapper json) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        tool.params().forEach(param -> {
            properties.put(param.name(), param.schema());
            if (param.required()) {
                required.add(param.name());
            }
        });
        Map<String, Object> schema = new LinkedHashMap<>();
        if (tool.body() != null) {
            Map<String, Object> body = RequestSchemas.of(tool.body(), json);
            Map<String, String> referenceNames = new LinkedHashMap<>();
            tool.aliases().forEach((reference, rest) -> referenceNames.put(rest, reference));
            ((Map<String, Object>) body.getOrDefault("properties", Map.of())).forEach(
                    (name, property) -> properties.put(referenceNames.getOrDefault(name, name), property));
            ((List<String>) body.getOrDefault("required", List.of())).forEach(
                    name -> required.add(referenceNames.getOrDefault(name, name)));
            if (body.containsKey("$defs")) {
                schema.put("$defs", body.get("$defs"));
            }
        }
        if (tool.access() != Access.Level.ANONYMOUS) {
            properties.put(ToolCall.API_KEY, Map.of("type", "string", "description",
                    "The agent's key or the admin token; instead, send Authorization: Bearer on the MCP request"));
        }
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
