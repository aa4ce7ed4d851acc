package io.govflow.web.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.govflow.config.GovflowProperties;
import io.govflow.web.error.ErrorEnvelope;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI description: info, a relative server, the tags in workflow order ({@link ApiTags}), bearer
 * security, the error envelope as an explicit schema, and every operation's responses as its handler answers
 * ({@link ResponseContract}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI govflowOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(ResponseContract.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("An agent's api_key (issued once at registration) or the "
                                + "admin token"));
        errorEnvelopeConverters().readAll(ErrorEnvelope.class).forEach(components::addSchemas);
        ResponseContract.examples().forEach(components::addExamples);
        ResponseContract.sharedHeaders().forEach(components::addHeaders);
        OpenAPI openApi = new OpenAPI()
                .info(new Info().title("Govflow API").version("v1")
                        .description("Governance state of AI agents on plain files: update, export and context "
                                + "flows. Every error is an application/problem+json envelope with a stable "
                                + "error_code and recovery guidance.")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/").description("This service (production or any other "
                        + "environment: the document describes the server that serves it)")
                        .extensions(Map.of("x-internal", false))))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(ResponseContract.BEARER));
        ApiTags.ORDERED.forEach((name, description) -> openApi.addTagsItem(new Tag().name(name)
                .description(description)));
        return openApi;
    }

    /**
     * The converters that render the error envelope, which no handler returns, so it is resolved here, before
     * springdoc has registered the converter beans: the same as theirs.
     */
    private static ModelConverters errorEnvelopeConverters() {
        return requestConverters();
    }

    /** The converters of the document's schemas, for schemas resolved outside springdoc. */
    static ModelConverters requestConverters() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(snakeCase());
        converters.addConverter(new RecordSchemas());
        return converters;
    }

    /**
     * Schema names of nested types carry their enclosing type's name ({@code LocksResponse.Totals} is
     * {@code LocksResponseTotals}), so two nested types of one simple name do not share one schema.
     */
    private static final class NestedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> cls) {
            Class<?> enclosing = cls.getEnclosingClass();
            return enclosing == null ? super.getNameOfClass(cls) : getNameOfClass(enclosing) + cls.getSimpleName();
        }
    }

    /**
     * Schemas named as the JSON is written: snake_case. The OpenAPI model is built with swagger-core's own
     * (Jackson 2) mapper, which does not see the application's naming strategy.
     */
    @Bean
    @Order(0)
    ModelResolver snakeCaseModelResolver() {
        return snakeCase();
    }

    private static ModelResolver snakeCase() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE),
                new NestedTypeNames());
    }

    @Bean
    OperationCustomizer responseContract() {
        return new ResponseContract();
    }

    /** Required properties and nullable types from the records; after the resolver in the converter chain. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ModelConverter recordSchemas() {
        return new RecordSchemas();
    }

    /** The error examples no operation refers to (codes answered outside the documented operations) go. */
    @Bean
    OpenApiCustomizer unusedErrorExamples() {
        return openApi -> {
            Map<String, Example> examples = openApi.getComponents().getExamples();
            if (examples == null || openApi.getPaths() == null) {
                return;
            }
            Set<String> used = new HashSet<>();
            openApi.getPaths().values().stream().flatMap(p -> p.readOperations().stream())
                    .flatMap(o -> o.getResponses().values().stream())
                    .filter(r -> r.getContent() != null).flatMap(r -> r.getContent().values().stream())
                    .filter(m -> m.getExamples() != null).flatMap(m -> m.getExamples().values().stream())
                    .map(Example::get$ref).filter(Objects::nonNull)
                    .forEach(ref -> used.add(ref.substring(ref.lastIndexOf('/') + 1)));
            examples.keySet().retainAll(used);
        };
    }

    @Bean
    OpenApiCustomizer successExamples() {
        return new SuccessExamples();
    }

    @Bean
    OpenApiCustomizer schemaContract(GovflowProperties properties) {
        return new SchemaContract(properties.http().maxBody().toBytes());
    }
}
