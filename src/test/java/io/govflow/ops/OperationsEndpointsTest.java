package io.govflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.govflow.store.io.StoreHealth;
import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus metrics and readiness, on the real application. */
class OperationsEndpointsTest {

    private static final String ADMIN = "operations-endpoints-admin-token";

    @TempDir
    Path dataDir;

    @Test
    void prometheusShowsUpdateLockAndFsyncMetricsAfterUpdates() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            String key = client.register("metered_agent");
            for (int n = 0; n < 3; n++) {
                assertThat(client.post("/api/v1/agents/metered_agent/updates", key, Map.of()).status()).isEqualTo(200);
            }
            assertThat(client.post("/api/v1/agents/metered_agent/exports", key, Map.of()).status()).isEqualTo(201);
            String scrape = client.get("/actuator/prometheus", ADMIN).raw();
            assertThat(count(scrape, "govflow_export_size_bytes_count")).isEqualTo(1);
            assertThat(count(scrape, "govflow_export_size_bytes_sum")).isGreaterThan(100);
            assertThat(count(scrape, "govflow_update_latency_seconds_count")).isEqualTo(3);
            assertThat(count(scrape, "govflow_lock_wait_seconds_count{kind=\"agent\"}")).isGreaterThanOrEqualTo(3);
            // registration (metadata), three log appends, the export; checkpoints follow in the background
            assertThat(count(scrape, "govflow_fsync_seconds_count{target=\"file\"}")).isGreaterThanOrEqualTo(5);
            assertThat(count(scrape, "govflow_fsync_seconds_count{target=\"directory\"}")).isGreaterThanOrEqualTo(3);
            assertThat(scrape).contains("govflow_checkpoint_lag_seconds", "govflow_checkpoint_pending{file=\"metadata\"}",
                    "govflow_checkpoint_pending{file=\"state\"}", "govflow_checkpoint_failures_total");
            assertThat(scrape).contains("govflow_lock_timeouts_total").doesNotContain(key);
        }
    }

    @Test
    void readinessIsDownWhileTheStoreIsReadOnly() {
        try (RunningApp app = RunningApp.start(dataDir)) {
            ApiClient client = app.client();
            String key = client.register("readonly_agent");
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            app.bean(StoreHealth.class).latchReadOnly("simulated fsync failure");
            ApiClient.Reply readiness = client.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().get("status").asString()).isEqualTo("DOWN");
            assertThat(client.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            ApiClient.Reply update = client.post("/api/v1/agents/readonly_agent/updates", key, Map.of());
            assertThat(update.status()).isEqualTo(503);
            assertThat(update.body().get("error_code").asString()).isEqualTo("STORE_READ_ONLY");
            assertThat(update.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /** The value of the first sample line starting with {@code series} (without labels it matches any). */
    private static double count(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series.contains("{") ? series.substring(0, series.length() - 1) : series))
                .filter(line -> !series.contains("{") || line.contains(series.substring(series.indexOf('{') + 1,
                        series.length() - 1)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
