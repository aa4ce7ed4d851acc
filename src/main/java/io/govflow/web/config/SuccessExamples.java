package io.govflow.web.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real answer as the example of every JSON success response: {@code openapi/examples/<operationId>.json} on the
 * class path, recorded from the service's own answers by {@code ResponseContractHttpTest} (keys replaced by a
 * placeholder), which also checks that each still fits its schema.
 */
final class SuccessExamples implements OpenApiCustomizer {

    static final String LOCATION = "openapi/examples/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().stream().map(PathItem::readOperations).flatMap(Collection::stream)
                .forEach(SuccessExamples::addExample);
    }

    private static void addExample(Operation operation) {
        ClassPathResource resource = new ClassPathResource(LOCATION + operation.getOperationId() + ".json");
        if (operation.getOperationId() == null || !resource.exists() || operation.getResponses() == null) {
            return;
        }
        Object value = read(resource);
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            MediaType json = response.getValue().getContent() == null ? null
                    : response.getValue().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
            if (response.getKey().startsWith("2") && json != null) {
                json.addExamples("answer", new Example().summary("A real answer").value(value));
            }
        }
    }

    private static Object read(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
