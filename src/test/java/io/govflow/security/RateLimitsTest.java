package io.govflow.security;

import static io.govflow.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotas and rate limits with small configured values: per client address for registration and failed
 * authentications (a valid credential is never refused), per agent for context writes, exports, review sessions,
 * discoveries and every other request; RateLimit headers on counted answers and Retry-After on 429; forwarded
 * addresses believed only from a trusted proxy; the per-agent export-file quota refuses and deletes nothing.
 */
@GovflowApp(args = { "--govflow.security.admin-token=" + RateLimitsTest.ADMIN,
        "--govflow.governance.loop-detection=false",
        "--govflow.limits.registration.capacity=12", "--govflow.limits.registration.period=1h",
        "--govflow.limits.failed-authentications.capacity=3", "--govflow.limits.failed-authentications.period=1h",
        "--govflow.limits.requests.capacity=6", "--govflow.limits.requests.period=1h",
        "--govflow.limits.context-writes.capacity=2", "--govflow.limits.context-writes.period=1h",
        "--govflow.limits.exports.capacity=4", "--govflow.limits.exports.period=1h",
        "--govflow.limits.review-sessions.capacity=1", "--govflow.limits.review-sessions.period=1h",
        "--govflow.limits.discoveries.capacity=2", "--govflow.limits.discoveries.period=1h",
        "--govflow.limits.charts.capacity=2", "--govflow.limits.charts.period=1h",
        "--govflow.limits.export-files-per-agent=3" })
class RateLimitsTest {

    static final String ADMIN = "rate-limits-admin-token-5c0e19a7";
    private static final String POLICY = "^\"[a-z-]+\";q=\\d+;w=\\d+$";
    private static final String STATE = "^\"[a-z-]+\";r=\\d+;t=\\d+$";

    static ApiClient client;
    @DataDir
    static Path dataDir;

    @Test
    void registrationIsLimitedPerAddressAndAForgedForwardedForChangesNothing() {
        Reply last = null;
        for (int i = 0; i < 20 && (last == null || last.status() == 201); i++) {
            last = client.send("POST", "/api/v1/agents", null, Map.of("agent_id", "burst_" + i),
                    Map.of("X-Forwarded-For", "198.51.100." + i));
        }
        assertLimited(last, "registration");
        Reply byAdmin = client.post("/api/v1/agents", ADMIN, Map.of("agent_id", "admin_registered"));
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(201);
    }

    @Test
    void failedAuthenticationsAreLimitedButAValidKeyStillWorks() {
        String key = client.post("/api/v1/agents", ADMIN, Map.of("agent_id", "auth_owner")).body().get("api_key")
                .asString();
        for (int i = 0; i < 3; i++) {
            assertError(client.get("/api/v1/agents/auth_owner/metrics", "gf_wrong_key_" + i), 401,
                    "AUTHENTICATION_FAILED");
        }
        assertLimited(client.get("/api/v1/agents/auth_owner/metrics", "gf_wrong_key_x"), "failed-authentications");

        assertThat(client.get("/api/v1/agents/auth_owner/metrics", key).status()).isEqualTo(200);
    }

    @Test
    void everyOtherRequestIsLimitedPerAgentWithHeaders() {
        String key = registerByAdmin("busy_reader");
        String other = registerByAdmin("calm_reader");
        Reply first = client.get("/api/v1/agents/busy_reader/metrics", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Policy").orElseThrow()).matches(POLICY)
                .isEqualTo("\"requests\";q=6;w=3600");
        assertThat(first.headers().firstValue("RateLimit").orElseThrow()).matches(STATE).startsWith("\"requests\";r=5;");
        Reply last = first;
        for (int i = 0; i < 10 && last.status() == 200; i++) {
            last = client.get("/api/v1/agents/busy_reader/metrics", key);
        }
        assertLimited(last, "requests");
        assertThat(client.get("/api/v1/agents/calm_reader/metrics", other).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/agents/busy_reader/metrics", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void contextWritesAreLimitedPerAgent() {
        String key = registerByAdmin("ctx_writer");
        for (int i = 0; i < 2; i++) {
            assertThat(putContext("ctx_writer", key).status()).isIn(200, 201);
        }
        assertLimited(putContext("ctx_writer", key), "context-writes");
        assertThat(putContext("ctx_writer", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void reviewSessionsAndDiscoveriesAreLimitedPerAgent() {
        String key = registerByAdmin("reviewer_spammer");
        Map<String, Object> review = Map.of("agent_id", "reviewer_spammer", "reason", "testing the limit");
        assertThat(client.post("/api/v1/dialectic/sessions", key, review).status()).isNotEqualTo(429);
        assertLimited(client.post("/api/v1/dialectic/sessions", key, review), "review-sessions");

        Map<String, Object> discovery = Map.of("agent_id", "reviewer_spammer", "summary", "a finding",
                "type", "insight");
        for (int i = 0; i < 2; i++) {
            Reply stored = client.post("/api/v1/discoveries", key, discovery);
            assertThat(stored.status()).as(stored.raw()).isEqualTo(201);
        }
        assertLimited(client.post("/api/v1/discoveries", key, discovery), "discoveries");
    }

    @Test
    void chartsAreLimitedPerCallerAndNotForTheAdmin() {
        String key = registerByAdmin("chart_poller");
        String chart = "/api/v1/agents/chart_poller/history.svg?last=10";
        for (int i = 0; i < 2; i++) {
            Reply drawn = client.get(chart, key);
            assertThat(drawn.status()).as(drawn.raw()).isEqualTo(200);
        }
        assertLimited(client.get(chart, key), "charts");
        assertThat(client.get(chart, ADMIN).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/agents/chart_poller/history", key).status())
                .as("other reads keep their own quota").isEqualTo(200);
    }

    @Test
    void exportsAreLimitedAndTheFileQuotaRefusesWithoutDeleting() throws Exception {
        String key = registerByAdmin("export_hoarder");
        for (int i = 0; i < 3; i++) {
            Reply written = client.post("/api/v1/agents/export_hoarder/exports", key, Map.of());
            assertThat(written.status()).as(written.raw()).isEqualTo(201);
        }
        List<String> before = historyFiles();

        Reply overQuota = client.post("/api/v1/agents/export_hoarder/exports", key, Map.of());
        assertError(overQuota, 409, "EXPORT_QUOTA_EXCEEDED");
        assertThat(overQuota.body().at("/details/limit").asInt()).isEqualTo(3);
        assertThat(historyFiles()).isEqualTo(before);

        assertLimited(client.post("/api/v1/agents/export_hoarder/exports", key, Map.of()), "exports");
    }

    @Test
    void theAdminPrunesOldExportsWithADryRunFirst() throws Exception {
        String key = registerByAdmin("export_pruned");
        String written = client.post("/api/v1/agents/export_pruned/exports", key, Map.of()).body().get("file_path")
                .asString();
        Path file = dataDir.resolve(written);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Map<String, Object> prune = Map.of("older_than_days", 30, "agent_id", "export_pruned");

        assertError(client.post("/api/v1/maintenance/exports/prune", key, prune), 403, "FORBIDDEN");
        Reply dryRun = client.post("/api/v1/maintenance/exports/prune", ADMIN, prune);
        assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(200);
        assertThat(dryRun.body().get("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.body().get("count").asInt()).isEqualTo(1);
        assertThat(file).exists();

        Reply removed = client.post("/api/v1/maintenance/exports/prune", ADMIN,
                Map.of("older_than_days", 30, "agent_id", "export_pruned", "dry_run", false));
        assertThat(removed.body().get("files").get(0).get("file_path").asString()).isEqualTo(written);
        assertThat(file).doesNotExist();
    }

    @Test
    void exportListingsArePaged() {
        String key = registerByAdmin("export_pager");
        for (int i = 0; i < 3; i++) {
            client.post("/api/v1/agents/export_pager/exports", ADMIN, Map.of("filename", "page_" + i));
        }
        Reply second = client.get("/api/v1/exports?agent_id=export_pager&page=1&size=2", ADMIN);
        assertThat(second.body().get("total").asInt()).isEqualTo(3);
        assertThat(second.body().get("exports")).hasSize(1);
        assertThat(second.body().get("exports").get(0).get("filename").asString()).isEqualTo("page_2.json");
        assertThat(client.get("/api/v1/exports?size=0", key).status()).isEqualTo(400);
    }

    @Test
    void aTrustedProxysForwardedAddressGetsItsOwnBucket(@TempDir Path data) {
        try (RunningApp proxied = RunningApp.start(data, "--govflow.limits.trusted-proxies=127.0.0.0/8,::1",
                "--govflow.limits.registration.capacity=1")) {
            ApiClient behindProxy = proxied.client();
            Map<String, String> first = Map.of("X-Forwarded-For", "203.0.113.7, 127.0.0.1");
            Map<String, String> second = Map.of("X-Forwarded-For", "203.0.113.8");
            assertThat(behindProxy.send("POST", "/api/v1/agents", null, Map.of("agent_id", "via_proxy_1"), first)
                    .status()).isEqualTo(201);
            assertLimited(behindProxy.send("POST", "/api/v1/agents", null, Map.of("agent_id", "via_proxy_2"),
                    first), "registration");
            assertThat(behindProxy.send("POST", "/api/v1/agents", null, Map.of("agent_id", "via_proxy_3"), second)
                    .status()).isEqualTo(201);
        }
    }

    private static void assertLimited(Reply reply, String quota) {
        assertError(reply, 429, "RATE_LIMITED");
        assertThat(reply.body().at("/details/quota").asString()).isEqualTo(quota);
        assertThat(Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(reply.headers().firstValue("RateLimit-Policy").orElseThrow()).matches(POLICY);
        assertThat(reply.headers().firstValue("RateLimit").orElseThrow()).matches(STATE).contains(";r=0;");
    }

    private static String registerByAdmin(String agentId) {
        Reply reply = client.post("/api/v1/agents", ADMIN, Map.of("agent_id", agentId));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("api_key").asString();
    }

    private static Reply putContext(String agentId, String key) {
        return client.send("PUT", "/api/v1/agents/" + agentId + "/context/project.notes", key,
                Map.of("src", "writer", "d", Map.of("goal", "stay within the quota")), Map.of());
    }

    private static List<String> historyFiles() throws Exception {
        try (var files = Files.list(dataDir.resolve("history"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
