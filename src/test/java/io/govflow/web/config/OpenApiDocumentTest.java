package io.govflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document names properties as the JSON does and lists error codes for every operation. */
class OpenApiDocumentTest {

    @TempDir
    Path dataDir;

    @Test
    void schemasAreSnakeCaseAndEveryOperationHasErrorResponses() {
        try (RunningApp app = RunningApp.start(dataDir)) {
            JsonNode doc = app.client().get("/v3/api-docs", null).body();
            JsonNode schemas = doc.get("components").get("schemas");
            assertThat(names(schemas.get("UpdateResponse").get("properties")))
                    .contains("sampling_params", "sampling_params_note", "eisv_labels").doesNotContain("samplingParams");
            assertThat(names(schemas.get("MetricsBody").get("properties"))).contains("E", "attention_score");
            assertThat(names(schemas.get("UpdateRequest").get("properties")))
                    .contains("ethical_drift", "response_text", "auto_export_on_significance");
            assertThat(names(schemas.get("ErrorEnvelope").get("properties")))
                    .contains("error_code", "request_id", "recovery");
            List<String> withoutErrors = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    boolean hasError = names(operation.getValue().get("responses")).stream()
                            .anyMatch(status -> status.startsWith("4") || status.startsWith("5"));
                    if (!hasError) {
                        withoutErrors.add(operation.getKey() + " " + path.getKey());
                    }
                }
            }
            assertThat(withoutErrors).as("operations without documented error codes").isEmpty();
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.propertyNames().forEach(out::add);
        return out;
    }

}
