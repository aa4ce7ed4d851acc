package io.govflow.web.config;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.govflow.error.ErrorCode;
import io.govflow.web.error.ErrorEnvelope;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description: bearer security, the error envelope as an explicit schema, and for every endpoint
 * the error codes it can answer with ({@link SharedErrors}), grouped by HTTP status, each with an example envelope.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String ENVELOPE = "ErrorEnvelope";

    @Bean
    OpenAPI govflowOpenApi() {
        Components components = new Components()
                .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An agent's api_key (issued once at registration) or the admin token"));
        ModelConverters.getInstance().readAll(ErrorEnvelope.class).forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title("Govflow API").version("v1")
                        .description("Governance state of AI agents on plain files: update, export and context "
                                + "flows. Every error is an application/problem+json envelope with a stable "
                                + "error_code and recovery guidance.")
                        .license(new License().name("Proprietary")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Schemas named as the JSON is written: snake_case. The OpenAPI model is built with swagger-core's own
     * (Jackson 2) mapper, which does not see the application's naming strategy.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OperationCustomizer errorCodesCustomizer() {
        return (operation, handlerMethod) -> {
            addErrorResponses(operation, SharedErrors.of(handlerMethod));
            return operation;
        };
    }

    private static void addErrorResponses(Operation operation, Set<ErrorCode> codes) {
        Map<Integer, Set<ErrorCode>> byStatus = codes.stream().collect(
                Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toCollection(
                        () -> EnumSet.noneOf(ErrorCode.class))));
        byStatus.forEach((status, group) -> operation.getResponses().addApiResponse(Integer.toString(status),
                errorResponse(group)));
    }

    private static ApiResponse errorResponse(Set<ErrorCode> codes) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ENVELOPE));
        codes.forEach(code -> media.addExamples(code.name(), new Example().summary(code.name()).value(Map.of(
                "success", false, "error", code.message(), "error_code", code.name(), "status", code.httpStatus(),
                "request_id", "6f1c2b3a9d0e4f5a", "details", Map.of(), "recovery", Map.of(
                        "action", code.recovery().action(), "related_tools", code.recovery().relatedTools(),
                        "workflow", code.recovery().workflow())))));
        String description = "Error codes: " + codes.stream().map(Enum::name).collect(Collectors.joining(", "));
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", media));
    }
}
