package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One update must not poison an agent: drift components outside the documented bounds are refused before the
 * engine runs, and an engine result that is not finite is refused before the commit point — nothing reaches the log.
 */
class FiniteNumbersHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void aHugeDriftIsRefusedAndTheAgentGoesOnUnharmed() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("drifting_agent");
            String updates = "/api/v1/agents/drifting_agent/updates";

            Reply refused = client.post(updates, key, Map.of("ethical_drift", List.of(1e155, 0, 0)));

            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.raw()).contains("ethical_drift");
            assertThat(client.post(updates, key, Map.of("ethical_drift", List.of(1000, -1000, 1000))).status())
                    .as("the bounds themselves are accepted").isEqualTo(200);
            Reply next = client.post(updates, key, Map.of("ethical_drift", List.of(0.1, 0, 0)));
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.raw()).doesNotContain("NaN", "Infinity");
            assertThat(new StoreInvariants(dataDir).logOf("drifting_agent")).hasSize(2);
        }
    }

    @FileStoreOnly
    @Test
    void aStateFileHoldingNaNIsAnErrorInTheConsistencyReport() throws Exception {
        String admin = "finite-admin-token-0123456789";
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.security.admin-token=" + admin)) {
            ApiClient client = app.client();
            String key = client.register("nan_state_agent");
            for (int n = 0; n < 3; n++) {
                assertThat(client.post("/api/v1/agents/nan_state_agent/updates", key, Map.of()).status())
                        .isEqualTo(200);
            }
            app.flushCheckpoints();
            Path state = dataDir.resolve("agents/nan_state_agent_state.json");
            Files.writeString(state, Files.readString(state)
                    .replaceFirst("(\"E_history\"\\s*:\\s*\\[\\s*)[-0-9.eE]+", "$1NaN"));

            Reply report = client.get("/api/v1/consistency?agent_id=nan_state_agent", admin);

            assertThat(report.status()).as(report.raw()).isEqualTo(200);
            assertThat(report.raw()).contains("NON_FINITE_NUMBER");
            assertThat(report.body().get("totals").get("errors").asLong()).isPositive();
        }
    }

    @Test
    void aNonFiniteEngineResultIsRefusedBeforeTheCommitPoint() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            app.client().register("guarded_agent");
            UpdateFlow flow = app.bean(UpdateFlow.class);
            // past the web layer's bounds, as a caller that skips them would send it
            UpdateCommand poisoned = new UpdateCommand(0.5, 0.9, new double[] { 1e155, 0, 0 }, "", false);

            assertThatThrownBy(() -> flow.update("guarded_agent", poisoned, null))
                    .isInstanceOfSatisfying(GovflowException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
            assertThatThrownBy(() -> flow.simulate("guarded_agent", poisoned))
                    .isInstanceOfSatisfying(GovflowException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
            assertThat(new StoreInvariants(dataDir).logOf("guarded_agent")).isEmpty();
            UpdateCommand sound = new UpdateCommand(0.5, 0.9, new double[] { 0.1, 0, 0 }, "", false);
            assertThat(flow.update("guarded_agent", sound, null).metrics().updates()).isEqualTo(1);
        }
    }
}
