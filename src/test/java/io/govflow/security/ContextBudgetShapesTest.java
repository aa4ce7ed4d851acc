package io.govflow.security;

import static io.govflow.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;

/**
 * The context byte budget holds for every shape of {@code d}: a flat object of many small members, which none of
 * the trimming steps can shorten, is refused instead of being stored over budget (the 822 KB case).
 */
@GovflowApp
class ContextBudgetShapesTest {

    private static final long BUDGET = 256 * 1024;

    static ApiClient client;
    @DataDir
    static Path dataDir;

    @Test
    void aFlatObjectOverTheBudgetIsNotStored() throws Exception {
        String key = client.register("flat_writer");
        Map<String, Object> flat = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            flat.put(String.format("key_%05d", i), "value of member " + i + " padded");
        }
        String body = ApiClient.JSON.writeValueAsString(Map.of("src", "writer", "d", flat));
        assertThat(body.length()).isBetween(800_000, 1_000_000);

        Reply put = client.send("PUT", "/api/v1/agents/flat_writer/context/notes.flat", key, body, Map.of());

        assertError(put, 400, "VALIDATION_FAILED");
        assertThat(put.body().at("/details/fields/0/field").asString()).isEqualTo("d");
        assertError(client.get("/api/v1/agents/flat_writer/context/notes.flat", key), 404, "CONTEXT_NOT_FOUND");
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> large = files.filter(Files::isRegularFile).filter(p -> size(p) > BUDGET).toList();
            assertThat(large).isEmpty();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
