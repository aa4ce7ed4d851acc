package io.govflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.support.RunningApp;
import io.swagger.v3.oas.annotations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document, read as a client generator or a linter would: real success statuses, the envelope on
 * every error, the headers, the credentials, the tags, and a limit on every value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    private JsonNode doc = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    @BeforeAll
    void readTheDocument(@TempDir Path dataDir) {
        try (RunningApp app = RunningApp.start(dataDir)) {
            doc = app.client().get("/v3/api-docs", null).body();
        }
    }

    @Test
    void everyOperationDocumentsExactlyTheSuccessStatusesItsHandlerAnswersWith() {
        Map<String, JsonNode> operations = operationsById();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (Method handler : handlers()) {
            Operation operation = handler.getAnnotation(Operation.class);
            ApiSuccess success = handler.getAnnotation(ApiSuccess.class);
            ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(handler, ResponseStatus.class);
            List<HttpStatus> statuses = success != null && success.statuses().length > 0
                    ? List.of(success.statuses()) : List.of(status == null ? HttpStatus.OK : status.code());
            expected.put(operation.operationId(), new TreeSet<>(statuses.stream()
                    .map(s -> Integer.toString(s.value())).toList()));
        }
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(operations.keySet());
        expected.forEach((id, statuses) -> assertThat(successStatuses(operations.get(id))).as(id)
                .containsExactlyElementsOf(statuses));
        for (String created : List.of("registerAgent", "adoptOrphan", "storeDiscovery", "exportHistory",
                "requestReview", "putContext")) {
            assertThat(successStatuses(operations.get(created))).as(created).contains("201");
        }
    }

    @Test
    void everyErrorIsTheEnvelopeWithItsHeaders() {
        operationsById().forEach((id, operation) -> operation.get("responses").properties().forEach(entry -> {
            String status = entry.getKey();
            JsonNode response = entry.getValue();
            assertThat(response.at("/headers/X-Request-Id/required").asBoolean()).as(id + " " + status).isTrue();
            if (status.startsWith("2")) {
                return;
            }
            assertThat(response.at("/content/application~1problem+json/schema/$ref").asString())
                    .as(id + " " + status).isEqualTo("#/components/schemas/ErrorEnvelope");
            if (status.equals("429") || status.equals("503")) {
                assertThat(response.at("/headers/Retry-After/schema/type").asString()).as(id + " " + status)
                        .isEqualTo("integer");
            }
            if (status.equals("401")) {
                assertThat(response.at("/headers/WWW-Authenticate/required").asBoolean()).as(id).isTrue();
            }
        }));
        JsonNode envelope = doc.at("/components/schemas/ErrorEnvelope");
        assertThat(strings(envelope.get("required"))).containsExactlyInAnyOrder("success", "error", "error_code",
                "status", "request_id", "details", "recovery", "type", "title", "detail", "instance");
        assertThat(envelope.at("/properties/details/additionalProperties").asBoolean()).isTrue();
    }

    @Test
    void responseHeadersAreDocumentedWhereTheyAreSent() {
        Map<String, JsonNode> operations = operationsById();
        for (String id : List.of("getAgent", "updateAgent", "archiveAgent", "resumeAgent", "completeResponse")) {
            assertThat(operations.get(id).at("/responses/200/headers/ETag/required").asBoolean()).as(id).isTrue();
        }
        for (String id : List.of("downloadHistory", "downloadExport")) {
            JsonNode ok = operations.get(id).at("/responses/200");
            assertThat(ok.at("/headers/Content-Disposition/required").asBoolean()).as(id).isTrue();
            assertThat(ok.get("content").propertyNames()).as(id).contains("application/json", "text/csv");
        }
        assertThat(operations.get("getContext").at("/responses/200/headers/X-Context-Source/schema/enum"))
                .hasSize(3);
    }

    @Test
    void registrationNeedsNoCredentialEverythingElseTheBearerScheme() {
        operationsById().forEach((id, operation) -> {
            List<String> alternatives = new ArrayList<>();
            operation.get("security").forEach(r -> alternatives.add(r.isEmpty() ? "none" : r.propertyNames()
                    .iterator().next()));
            assertThat(alternatives).as(id).isEqualTo(id.equals("registerAgent") ? List.of("none", "bearer")
                    : List.of("bearer"));
        });
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void tagsComeInWorkflowOrderWithDescriptionsAndTheLicenseHasAnSpdxIdentifier() {
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(tag -> {
            tags.add(tag.get("name").asString());
            assertThat(tag.get("description").asString()).isNotBlank();
        });
        assertThat(tags).containsExactlyElementsOf(ApiTags.ORDERED.keySet()).startsWith("Agents", "Update flow")
                .endsWith("Configuration", "Maintenance");
        operationsById().forEach((id, operation) -> assertThat(tags).as(id)
                .contains(operation.get("tags").get(0).asString()));
        assertThat(doc.at("/info/license/identifier").asString()).isNotBlank();
    }

    @Test
    void everyStringIntegerAndArrayHasALimit() {
        List<String> unlimited = new ArrayList<>();
        walk(doc, "$", unlimited);
        assertThat(unlimited).isEmpty();
    }

    @Test
    void everyResponseBodyHasRequiredPropertiesAndClosedSetsAreEnums() {
        JsonNode schemas = doc.at("/components/schemas");
        operationsById().forEach((id, operation) -> successStatuses(operation).forEach(status -> {
            String ref = operation.at("/responses/" + status + "/content/application~1json/schema/$ref").asString("");
            if (!ref.isEmpty()) {
                JsonNode schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(strings(schema.get("required"))).as(id + " " + ref).contains("success");
            }
        }));
        assertThat(strings(schemas.at("/AgentView/required"))).contains("agent_id", "status", "created_at",
                "total_updates", "tags", "lifecycle_events").doesNotContain("paused_at");
        assertThat(strings(schemas.at("/AgentView/properties/paused_at/type"))).containsExactly("string", "null");
        assertThat(strings(schemas.at("/RegistrationResponse/required"))).contains("api_key", "agent");
        assertThat(strings(schemas.at("/Decision/properties/action/enum"))).containsExactly("proceed", "pause");
        assertThat(strings(schemas.at("/MetricsBody/properties/verdict/enum")))
                .containsExactly("safe", "caution", "high-risk");
        assertThat(strings(schemas.at("/ExportResponse/properties/format/enum"))).containsExactly("json", "csv");
        assertThat(schemas.at("/UpdateResponse/properties/timestamp/pattern").asString())
                .isEqualTo(SchemaContract.TIMESTAMP);
        assertThat(Pattern.compile(SchemaContract.TIMESTAMP).matcher("2025-12-01T15:12:45.585896").matches())
                .isTrue();
    }

    @Test
    void theAgentIdPatternOfThePathsIsTheOneTheServiceEnforces() {
        JsonNode id = doc.at("/paths/~1api~1v1~1agents~1{id}~1metrics/get/parameters/0");
        assertThat(id.get("name").asString()).isEqualTo("id");
        Pattern documented = Pattern.compile(id.at("/schema/pattern").asString());
        for (String valid : List.of("abc", "scout_20251201", "A-b_9", "x".repeat(64))) {
            assertThat(documented.matcher(valid).find()).as(valid).isTrue();
            assertThat(AgentIds.requireValid(valid)).isEqualTo(valid);
        }
        for (String invalid : List.of("ab", "a.b", "a/bc", "scout 7", "x".repeat(65), "ünï")) {
            assertThat(documented.matcher(invalid).find()).as(invalid).isFalse();
            assertThatThrownBy(() -> AgentIds.requireValid(invalid)).isInstanceOfSatisfying(GovflowException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AGENT_ID));
        }
    }

    private static void walk(JsonNode node, String at, List<String> unlimited) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            List<String> types = type == null || !(type.isString() || type.isArray()) ? List.of() : strings(type);
            if (types.contains("string") && !node.has("maxLength") && !node.has("enum") && !node.has("const")) {
                unlimited.add(at + ": string without maxLength");
            }
            if (types.contains("integer") && !(node.has("minimum") && node.has("maximum"))) {
                unlimited.add(at + ": integer without minimum and maximum");
            }
            if (types.contains("array") && !node.has("maxItems")) {
                unlimited.add(at + ": array without maxItems");
            }
            node.properties().forEach(e -> {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    walk(e.getValue(), at + "." + e.getKey(), unlimited);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "[" + i + "]", unlimited);
            }
        }
    }

    private Map<String, JsonNode> operationsById() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> operations.put(op.getValue().get("operationId").asString(), op.getValue())));
        return operations;
    }

    private static List<String> successStatuses(JsonNode operation) {
        return operation.get("responses").propertyNames().stream().filter(s -> s.startsWith("2")).sorted().toList();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else {
            out.add(node.asString());
        }
        return out;
    }

    /** Every handler method with an operation id, found by scanning the controllers. */
    private static List<Method> handlers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Method> handlers = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("io.govflow.web")) {
            try {
                Class<?> controller = Class.forName(bean.getBeanClassName());
                Arrays.stream(controller.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Operation.class))
                        .forEach(handlers::add);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return handlers;
    }
}
