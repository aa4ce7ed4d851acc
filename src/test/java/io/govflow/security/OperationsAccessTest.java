package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations endpoints that describe the host (info: JVM and kernel; prometheus: every meter) need the admin
 * token unless configured open; health stays anonymous for orchestrators; no meter names the data directory; and
 * an admin token too short to resist guessing stops the start with a message that says why.
 */
@GovflowApp(args = "--govflow.security.admin-token=" + OperationsAccessTest.ADMIN)
class OperationsAccessTest {

    static final String ADMIN = "operations-admin-token-3b9e";

    static ApiClient client;
    @DataDir
    static Path dataDir;

    @TempDir
    Path otherDir;

    @Test
    void infoPrometheusAndSbomNeedTheAdminToken() {
        String key = client.register("ops_reader");
        for (String path : new String[] {"/actuator/info", "/actuator/prometheus", "/actuator/sbom",
                "/actuator/sbom/application"}) {
            Reply anonymous = client.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body().get("error_code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
            Reply agent = client.get(path, key);
            assertThat(agent.status()).as(path).isEqualTo(403);
            assertThat(agent.body().get("error_code").asString()).isEqualTo("FORBIDDEN");
            assertThat(client.get(path, ADMIN).status()).as(path).isEqualTo(200);
        }
        assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void noMetricCarriesTheDataDirectory() {
        Reply metrics = client.get("/actuator/prometheus", ADMIN);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("govflow").doesNotContain(dataDir.toString())
                .doesNotContain(dataDir.toAbsolutePath().getParent().toString())
                .doesNotContain(Path.of("").toAbsolutePath().toString()).doesNotContain("path=\"");
    }

    @Test
    void openOperationsAnswerWithoutACredential() {
        try (RunningApp open = RunningApp.start(otherDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.security.open-operations=true")) {
            assertThat(open.client().get("/actuator/info", null).status()).isEqualTo(200);
            assertThat(open.client().get("/actuator/prometheus", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aShortAdminTokenStopsTheStart() {
        assertThatThrownBy(() -> RunningApp.start(otherDir, "--govflow.security.admin-token=short-token").close())
                .hasStackTraceContaining("govflow.security.admin-token must be at least 16 characters")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("short-token"));
    }

    private static String stackText(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
