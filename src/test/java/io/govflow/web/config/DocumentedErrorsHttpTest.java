package io.govflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The body codes the OpenAPI document shares across operations are true: every operation that takes a body
 * documents 400, 413 and 415, and answers 413 and 415 (the web filters refuse before the handler runs).
 */
class DocumentedErrorsHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void everyOperationWithABodyDocumentsAndAnswersTheBodyCodes() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.http.max-body=1KB")) {
            ApiClient client = app.client();
            JsonNode paths = client.get("/v3/api-docs", null).body().get("paths");
            List<String> checked = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    JsonNode responses = operation.getValue().get("responses");
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    String name = method + " " + path.getKey();
                    if (!operation.getValue().has("requestBody")) {
                        continue;
                    }
                    assertDocuments(responses, "400", name, "VALIDATION_FAILED", "MALFORMED_JSON");
                    assertDocuments(responses, "413", name, "PAYLOAD_TOO_LARGE");
                    assertDocuments(responses, "408", name, "REQUEST_TIMEOUT");
                    assertDocuments(responses, "415", name, "UNSUPPORTED_MEDIA_TYPE");
                    String target = path.getKey().replaceAll("\\{[a-z_]+}", "some_agent");
                    Reply tooLarge = client.send(method, target, null, "{\"n\": \"" + "x".repeat(2048) + "\"}",
                            Map.of());
                    assertThat(tooLarge.status()).as(name + " " + tooLarge.raw()).isEqualTo(413);
                    Reply form = client.send(method, target, null, "a=b",
                            Map.of("Content-Type", "application/x-www-form-urlencoded"));
                    assertThat(form.status()).as(name + " " + form.raw()).isEqualTo(415);
                    checked.add(name);
                }
            }
            assertThat(checked).contains("POST /api/v1/agents/{id}/archive", "POST /api/v1/maintenance/repair")
                    .hasSizeGreaterThan(15);
        }
    }

    private static void assertDocuments(JsonNode responses, String status, String operation, String... codes) {
        assertThat(responses.has(status)).as(operation + " documents " + status).isTrue();
        assertThat(responses.get(status).at("/content/application~1problem+json/examples").propertyNames())
                .as(operation + " " + status).contains(codes);
    }
}
