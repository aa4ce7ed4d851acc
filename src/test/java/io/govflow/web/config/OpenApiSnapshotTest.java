package io.govflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * docs/openapi/openapi.json, the document the build generates the test client from, is the one the service
 * serves. After a change of the API, rewrite it with {@code -Dopenapi.snapshot.update=true} and commit it.
 */
class OpenApiSnapshotTest {

    private static final Path SNAPSHOT = Path.of("docs", "openapi", "openapi.json");

    @TempDir
    Path dataDir;

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        JsonNode served;
        try (RunningApp app = RunningApp.start(dataDir)) {
            served = app.client().get("/v3/api-docs", null).body();
        }
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            String text = ApiClient.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(served);
            Files.writeString(SNAPSHOT, text + "\n", StandardCharsets.UTF_8);
        }
        JsonNode committed = ApiClient.JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
        assertThat(committed).as("%s is out of date: run this test with -Dopenapi.snapshot.update=true and "
                + "commit the file", SNAPSHOT).isEqualTo(served);
    }
}
