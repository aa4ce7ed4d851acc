package io.govflow.flow.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.BeforeAppStart;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The fleet endpoints over HTTP: admin token only; the summary's, anomalies' and listing's shapes; an update, an
 * archive, a review and a purge seen in the next answer; filters, sorts and pages; hostile parameters answered
 * with the 400 envelope. Three agents are written on disk before start-up with chosen values so that each
 * anomaly rule fires (or, for the flat one, does not).
 */
@GovflowApp(args = { "--govflow.security.admin-token=" + FleetHttpTest.ADMIN,
        "--govflow.governance.loop-detection=false", "--govflow.fleet.refresh-interval=0s",
        "--govflow.dialectic.reviewer-min-age=0s", "--govflow.dialectic.reviewer-min-updates=0" })
class FleetHttpTest {

    static final String ADMIN = "fleet-admin-token-0123";
    static final String SUMMARY = "/api/v1/fleet/summary";
    static final String ANOMALIES = "/api/v1/fleet/anomalies";
    static final String AGENTS = "/api/v1/fleet/agents";

    static ApiClient client;

    @BeforeAppStart
    static void writeAgentsWithChosenValues(Path dataDir) {
        new FleetLogs(dataDir)
                // steady around 0.30, then 0.90: an attention deviation
                .add("crafted_spike", 30, k -> k == 29 ? 0.90 : 0.30 + 0.01 * (k % 3), k -> 0.8, k -> false)
                // 40 proceeds then 10 pauses: a decision pattern change
                .add("crafted_flip", 50, k -> 0.4, k -> 0.8, k -> k >= 40)
                // flat, then a change of 0.03: below the floor's line, nothing fires
                .add("crafted_flat", 30, k -> 0.5, k -> k == 29 ? 0.83 : 0.8, k -> false)
                .writeMetadata();
    }

    @Test
    void onlyTheAdminTokenReadsTheFleet() {
        String key = client.register("fleet_outsider");
        for (String path : List.of(SUMMARY, ANOMALIES, AGENTS)) {
            assertCode(client.get(path, null), 401, "AUTHENTICATION_REQUIRED");
            assertCode(client.get(path, key), 403, "FORBIDDEN");
            assertCode(client.get(path, "gvf_not_a_key"), 401, "AUTHENTICATION_FAILED");
            assertThat(client.get(path, ADMIN).status()).isEqualTo(200);
        }
    }

    @Test
    void theSummaryHasEveryPartAndShowsTheNextUpdate() {
        String key = client.register("fleet_updater");
        JsonNode before = ok(client.get(SUMMARY, ADMIN));
        assertThat(before.get("generated_at").asString()).endsWith("Z");
        assertThat(before.get("by_status").propertyNames()).contains("active", "waiting_input", "paused",
                "archived", "deleted");
        for (String group : List.of("above_revise", "paused", "in_review", "loop_cooldown")) {
            assertThat(before.get(group).has("count")).as(group).isTrue();
            assertThat(before.get(group).get("agent_ids").isArray()).as(group).isTrue();
        }
        JsonNode thresholds = before.get("thresholds");
        assertThat(thresholds.get("risk_approve").asDouble()).isEqualTo(0.35);
        assertThat(thresholds.get("risk_revise").asDouble()).isEqualTo(0.60);
        assertThat(thresholds.get("coherence_critical").asDouble()).isEqualTo(0.40);
        JsonNode minutes = before.get("updates_per_minute");
        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(0).get("minute").asString()).endsWith(":00Z");
        assertThat(minutes.get(0).get("minute").asString()).isLessThan(minutes.get(59).get("minute").asString());
        JsonNode attention = before.get("attention");
        assertThat(attention.get("agents").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(attention.get("min").asDouble()).isLessThanOrEqualTo(attention.get("p50").asDouble());
        assertThat(attention.get("p50").asDouble()).isLessThanOrEqualTo(attention.get("max").asDouble());
        // crafted_spike's latest 0.90 is at or above the revise threshold
        assertThat(strings(before.get("above_revise").get("agent_ids"))).contains("crafted_spike");

        assertThat(client.post("/api/v1/agents/fleet_updater/updates", key, Map.of()).status()).isEqualTo(200);

        JsonNode after = ok(client.get(SUMMARY, ADMIN));
        assertThat(after.get("updates_last_hour").asLong()).isEqualTo(before.get("updates_last_hour").asLong() + 1);
        assertThat(after.get("attention").get("agents").asInt())
                .isEqualTo(attention.get("agents").asInt() + 1);
        JsonNode row = only(ok(client.get(AGENTS + "?sort=agent_id&size=500", ADMIN)), "fleet_updater");
        assertThat(row.get("update_count").asLong()).isEqualTo(1);
        assertThat(row.get("attention_score").isNumber()).isTrue();
        assertThat(row.get("coherence").isNumber()).isTrue();
        assertThat(row.get("decision").asString()).isIn("proceed", "pause");
        assertThat(row.get("verdict").isString()).isTrue();
        assertThat(row.get("last_update").asString()).endsWith("Z");
        assertThat(row.get("in_review").asBoolean()).isFalse();
        assertThat(row.get("loop_cooldown_until").isNull()).isTrue();
    }

    @Test
    void anArchiveAReviewAndAPurgeShowInTheNextAnswers() {
        String key = client.register("fleet_archived");
        JsonNode before = ok(client.get(SUMMARY, ADMIN)).get("by_status");
        assertThat(client.post("/api/v1/agents/fleet_archived/archive", key, Map.of()).status()).isEqualTo(200);
        JsonNode after = ok(client.get(SUMMARY, ADMIN)).get("by_status");
        assertThat(after.get("archived").asLong()).isEqualTo(before.get("archived").asLong() + 1);
        assertThat(after.get("active").asLong()).isEqualTo(before.get("active").asLong() - 1);
        assertThat(ids(ok(client.get(AGENTS + "?status=archived", ADMIN)))).contains("fleet_archived");

        String requester = client.register("fleet_reviewed");
        client.register("fleet_reviewer");
        Reply session = client.post("/api/v1/dialectic/sessions", requester, Map.of("agent_id", "fleet_reviewed",
                "reviewer_agent_id", "fleet_reviewer", "reason", "Stuck on a step"));
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        JsonNode summary = ok(client.get(SUMMARY, ADMIN));
        assertThat(strings(summary.get("in_review").get("agent_ids"))).contains("fleet_reviewed")
                .doesNotContain("fleet_reviewer");
        assertThat(only(ok(client.get(AGENTS + "?size=500", ADMIN)), "fleet_reviewed").get("in_review").asBoolean())
                .isTrue();

        String doomed = client.register("fleet_purged");
        assertThat(client.post("/api/v1/agents/fleet_purged/updates", doomed, Map.of()).status()).isEqualTo(200);
        assertThat(client.send("DELETE", "/api/v1/agents/fleet_purged", doomed, null, Map.of()).status())
                .isEqualTo(200);
        JsonNode deleted = ok(client.get(SUMMARY, ADMIN));
        assertThat(deleted.get("by_status").get("deleted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(ids(ok(client.get(AGENTS + "?status=deleted", ADMIN)))).contains("fleet_purged");
        assertThat(client.post("/api/v1/agents/fleet_purged/purge", ADMIN, null).status()).isEqualTo(200);
        JsonNode purged = ok(client.get(SUMMARY, ADMIN));
        assertThat(purged.get("agents").asLong()).isEqualTo(deleted.get("agents").asLong() - 1);
        assertThat(ids(ok(client.get(AGENTS + "?size=500", ADMIN)))).doesNotContain("fleet_purged");
    }

    @Test
    void anomaliesShowTheNumbersOfEachRuleMostSevereFirst() {
        JsonNode body = ok(client.get(ANOMALIES, ADMIN));
        assertThat(body.get("window").asInt()).isEqualTo(50);
        assertThat(body.get("sigma").asDouble()).isEqualTo(3.0);
        List<JsonNode> found = new ArrayList<>();
        body.get("anomalies").forEach(found::add);
        assertThat(found).extracting(a -> a.get("agent_id").asString()).doesNotContain("crafted_flat");

        JsonNode spike = found.stream().filter(a -> a.get("agent_id").asString().equals("crafted_spike"))
                .findFirst().orElseThrow();
        assertThat(spike.get("kind").asString()).isEqualTo("attention_deviation");
        assertThat(spike.get("seq").asLong()).isEqualTo(30);
        assertThat(spike.get("latest").asDouble()).isEqualTo(0.90);
        assertThat(spike.get("mean").asDouble()).isBetween(0.30, 0.32);
        assertThat(spike.get("z").asDouble()).isGreaterThan(3.0);
        assertThat(spike.get("stddev").asDouble()).isPositive();
        assertThat(spike.get("summary").asString()).contains("0.900", "above").endsWith(".");
        assertThat(spike.has("recent_pause_share")).as("nulls are left out").isFalse();

        JsonNode flip = found.stream().filter(a -> a.get("agent_id").asString().equals("crafted_flip"))
                .findFirst().orElseThrow();
        assertThat(flip.get("kind").asString()).isEqualTo("decision_pattern");
        assertThat(flip.get("recent_pause_share").asDouble()).isEqualTo(1.0);
        assertThat(flip.get("earlier_pause_share").asDouble()).isEqualTo(0.0);
        assertThat(flip.get("recent").asInt()).isEqualTo(10);
        assertThat(flip.get("earlier").asInt()).isEqualTo(40);
        assertThat(flip.get("summary").asString()).contains("rose", "0%", "100%");
        assertThat(flip.has("z")).isFalse();

        List<Double> severities = found.stream().map(a -> a.get("severity").asDouble()).toList();
        assertThat(severities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ok(client.get(ANOMALIES + "?limit=1", ADMIN)).get("anomalies")).hasSize(1);
    }

    @Test
    void theListingFiltersSortsAndPages() {
        for (String id : List.of("page_c", "page_a", "page_b")) {
            Reply registered = client.post("/api/v1/agents", null, Map.of("agent_id", id, "tags", List.of("paging")));
            assertThat(registered.status()).isEqualTo(201);
        }
        JsonNode first = ok(client.get(AGENTS + "?tag=paging&size=2", ADMIN));
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactly("page_a", "page_b");
        assertThat(ids(ok(client.get(AGENTS + "?tag=paging&size=2&page=1", ADMIN)))).containsExactly("page_c");
        assertThat(ids(ok(client.get(AGENTS + "?tag=paging&order=desc", ADMIN))))
                .containsExactly("page_c", "page_b", "page_a");
        assertThat(strings(first.get("agents").get(0).get("tags"))).containsExactly("paging");

        List<String> byAttention = ids(ok(client.get(AGENTS + "?sort=attention_score&order=desc&size=500", ADMIN)));
        assertThat(byAttention.get(0)).isEqualTo("crafted_spike");
        assertThat(byAttention.indexOf("crafted_flat")).isLessThan(byAttention.indexOf("crafted_flip"));
        // agents without an update sort last in either order
        assertThat(byAttention.indexOf("page_a")).isGreaterThan(byAttention.indexOf("crafted_flip"));
        List<String> ascending = ids(ok(client.get(AGENTS + "?sort=attention_score&size=500", ADMIN)));
        assertThat(ascending.indexOf("page_a")).isGreaterThan(ascending.indexOf("crafted_spike"));
        assertThat(ids(ok(client.get(AGENTS + "?sort=coherence&size=1&order=desc", ADMIN))))
                .containsExactly("crafted_flat");
        assertThat(ids(ok(client.get(AGENTS + "?sort=last_update&order=desc&status=active&size=500", ADMIN))))
                .isNotEmpty();
    }

    static Stream<String> hostileQueries() {
        return Stream.of(AGENTS + "?size=0", AGENTS + "?size=501", AGENTS + "?size=abc", AGENTS + "?page=-1",
                AGENTS + "?page=99999999999", AGENTS + "?sort=agent_id;drop", AGENTS + "?sort=AGENT_ID",
                AGENTS + "?order=sideways", AGENTS + "?status=sleeping", AGENTS + "?status=%00",
                AGENTS + "?tag=%3Cscript%3E", AGENTS + "?tag=" + "t".repeat(65), ANOMALIES + "?limit=0",
                ANOMALIES + "?limit=1001", ANOMALIES + "?limit=1e3", ANOMALIES + "?limit=%E2%80%AE1");
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void hostileParametersAreAnsweredWithTheValidationEnvelope(String path) {
        Reply reply = client.get(path, ADMIN);
        assertCode(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.body().has("recovery")).isTrue();
        assertThat(reply.raw()).doesNotContain("<script>", "Exception");
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().get("success").asBoolean()).isTrue();
        return reply.body();
    }

    private static JsonNode only(JsonNode page, String agentId) {
        for (JsonNode agent : page.get("agents")) {
            if (agent.get("agent_id").asString().equals(agentId)) {
                return agent;
            }
        }
        throw new AssertionError(agentId + " not listed in " + page);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("agents").forEach(a -> ids.add(a.get("agent_id").asString()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }
}
