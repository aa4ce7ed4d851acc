package io.govflow.web.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** An argument of a tool that is not part of the REST body: a path variable or query parameter of its endpoint. */
record ToolParam(String name, String type, String description, boolean required, @Nullable String pattern) {

    static final String AGENT_ID_PATTERN = "^[A-Za-z0-9_-]{3,64}$";

    static ToolParam agentId() {
        return new ToolParam("agent_id", "string", "The agent's id (3 to 64 letters, digits, '_' or '-')", true,
                AGENT_ID_PATTERN);
    }

    static ToolParam text(String name, String description) {
        return new ToolParam(name, "string", description, false, null);
    }

    static ToolParam requiredText(String name, String description) {
        return new ToolParam(name, "string", description, true, null);
    }

    static ToolParam integer(String name, String description) {
        return new ToolParam(name, "integer", description, false, null);
    }

    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        schema.put("description", description);
        if (type.equals("array")) {
            schema.put("items", Map.of("type", "string"));
        }
        if (pattern != null) {
            schema.put("pattern", pattern);
        }
        return schema;
    }
}
