package io.govflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.govflow.support.ApiClient;
import io.govflow.support.LongHarness;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * golden-a and golden-long replayed through the HTTP API into a real data directory (fresh agent per
 * sequence, loop guard off), the application restarted halfway through each long sequence: every number
 * matches the reference to 1e-9 and every label exactly; afterwards log, state file and metadata agree.
 */
@LongHarness
class HttpConformanceTest {

    private static final double TOLERANCE = 1e-9;
    private static final List<String> METRICS = List.of("E", "I", "S", "V", "coherence", "lambda1",
            "attention_score", "phi", "time", "confidence");
    private static final List<String> LABELS = List.of("verdict", "void_active", "updates", "lambda1_skipped");

    @TempDir
    Path dataDir;

    @Test
    void goldenSequencesOverHttpWithRestart() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--logging.level.io.govflow=WARN")) {
            int steps = replay(app, "dynamics-golden-a", false) + replay(app, "dynamics-golden-long", true);
            assertThat(steps).isEqualTo(24 * 250 + 2 * 1500);
        }
        new StoreInvariants(dataDir).assertHold();
    }

    private int replay(RunningApp app, String file, boolean restartHalfway) {
        JsonNode sequences = load(file).get("sequences");
        int compared = 0;
        int index = 0;
        for (JsonNode sequence : sequences.values()) {
            String agentId = file.replace("dynamics-", "").replace('-', '_') + "_" + index++;
            String key = app.client().register(agentId);
            JsonNode steps = sequence.get("steps");
            for (int n = 0; n < steps.size(); n++) {
                if (restartHalfway && n == steps.size() / 2) {
                    app.restart();
                }
                JsonNode step = steps.get(n);
                ApiClient.Reply reply = app.client().post("/api/v1/agents/" + agentId + "/updates", key,
                        body(step.get("input")));
                assertThat(reply.status()).as("%s step %d: %s", agentId, n, reply.raw()).isEqualTo(200);
                compare(agentId + " step " + (n + 1), reply.body(), step.get("output"));
                compared++;
            }
        }
        return compared;
    }

    static Map<String, Object> body(JsonNode input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complexity", input.get("complexity").asDouble());
        body.put("confidence", input.get("confidence").asDouble());
        body.put("ethical_drift", ApiClient.JSON.convertValue(input.get("ethical_drift"), List.class));
        body.put("response_text", input.get("response_text").asString());
        return body;
    }

    static void compare(String where, JsonNode actual, JsonNode expected) {
        assertThat(actual.get("status").asString()).as(where + " status").isEqualTo(expected.get("status").asString());
        assertThat(actual.get("decision").get("action").asString()).as(where + " action")
                .isEqualTo(expected.get("decision").get("action").asString());
        JsonNode metrics = actual.get("metrics");
        JsonNode want = expected.get("metrics");
        for (String name : METRICS) {
            assertThat(metrics.get(name).asDouble()).as(where + " " + name)
                    .isCloseTo(want.get(name).asDouble(), within(TOLERANCE));
        }
        for (String name : LABELS) {
            assertThat(metrics.get(name).asString()).as(where + " " + name).isEqualTo(want.get(name).asString());
        }
        if (want.has("lambda1_update_skips")) {
            assertThat(metrics.get("lambda1_update_skips").asLong()).as(where + " skips")
                    .isEqualTo(want.get("lambda1_update_skips").asLong());
        }
        JsonNode sampling = actual.get("sampling_params");
        JsonNode wantSampling = expected.get("sampling_params");
        for (String name : List.of("temperature", "top_p", "lambda1")) {
            assertThat(sampling.get(name).asDouble()).as(where + " " + name)
                    .isCloseTo(wantSampling.get(name).asDouble(), within(TOLERANCE));
        }
        assertThat(sampling.get("max_tokens").asInt()).isEqualTo(wantSampling.get("max_tokens").asInt());
    }

    static JsonNode load(String name) {
        try (InputStream in = HttpConformanceTest.class.getResourceAsStream("/conformance/" + name + ".json.gz")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return ApiClient.JSON.readTree(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
