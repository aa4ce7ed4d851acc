package io.govflow.web.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The arguments of one tool call, read as REST reads a request: declared arguments by name and type, the rest as
 * the endpoint's body record (unknown fields refused, Bean Validation applied), with the same failures.
 */
final class ToolCall {

    static final String API_KEY = "api_key";

    private final GovflowTool tool;
    private final Map<String, Object> arguments;
    private final HttpServletRequest request;
    private final JsonMapper json;
    private final Validator validator;

    ToolCall(GovflowTool tool, Map<String, Object> arguments, HttpServletRequest request, JsonMapper json,
            Validator validator) {
        this.tool = tool;
        this.arguments = arguments;
        this.request = request;
        this.json = json;
        this.validator = validator;
    }

    /** The HTTP request that carries the call (for handlers that read the authenticated caller from it). */
    HttpServletRequest request() {
        return request;
    }

    String agentId() {
        String id = text("agent_id");
        if (id == null) {
            throw invalid("agent_id", "is required");
        }
        return id;
    }

    @Nullable String text(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid(name, "has the wrong type");
        }
        return text;
    }

    /** A list of strings, given as an array or as one comma-separated string, as the REST query writes it. */
    @Nullable String textList(String name) {
        Object value = arguments.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
            return String.join(",", items.stream().map(String.class::cast).toList());
        }
        throw invalid(name, "has the wrong type");
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    @Nullable Integer integer(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer number) {
            return number;
        }
        throw invalid(name, "has the wrong type");
    }

    /** The {@code page} argument of a paged listing: 0-based, 0 when absent. */
    int page() {
        Integer page = integer("page");
        if (page != null && page < 0) {
            throw invalid("page", "is out of range");
        }
        return page == null ? 0 : page;
    }

    /** The {@code size} argument of a paged listing: 1 to {@code max}, {@code byDefault} when absent. */
    int size(int max, int byDefault) {
        Integer size = integer("size");
        if (size != null && (size < 1 || size > max)) {
            throw invalid("size", "is out of range");
        }
        return size == null ? byDefault : size;
    }

    void requireTrue(String name) {
        Object value = arguments.get(name);
        if (!Boolean.TRUE.equals(value)) {
            throw invalid(name, value == null ? "is required" : "must be true");
        }
    }

    /** The body record from every argument the tool does not declare, or null when there is none. */
    <T extends Record> @Nullable T body(Class<T> type) throws BindException {
        Map<String, Object> fields = bodyFields();
        if (fields.isEmpty()) {
            return null;
        }
        return validated(json.convertValue(fields, type));
    }

    /** The body record; an empty one (every field absent) is bound and validated like REST's empty object. */
    <T extends Record> T requiredBody(Class<T> type) throws BindException {
        return validated(json.convertValue(bodyFields(), type));
    }

    private Map<String, Object> bodyFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            if (!name.equals(API_KEY) && tool.params().stream().noneMatch(p -> p.name().equals(name))) {
                fields.put(tool.aliases().getOrDefault(name, name), value);
            }
        });
        return fields;
    }

    private <T> T validated(T body) throws BindException {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "body");
        validator.validate(body, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return body;
    }

    static GovflowException invalid(String field, String problem) {
        return GovflowException.withDetails(ErrorCode.VALIDATION_FAILED,
                Map.of("fields", List.of(Map.of("field", field, "problem", problem))));
    }
}
