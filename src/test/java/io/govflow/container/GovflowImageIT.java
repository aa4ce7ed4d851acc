package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.govflow.flow.history.SvgDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * The image from the project's Dockerfile: readiness, health check, user, the data volume across restarts, and text
 * drawn with the fonts of the base image.
 */
@ContainerTest
class GovflowImageIT {

    private static final int CHART_UPDATES = 5;

    @RegisterExtension
    final FailureLogs logs = new FailureLogs();

    private String volume = "";

    @BeforeEach
    void createVolume() {
        volume = GovflowImage.createVolume();
    }

    @AfterEach
    void removeVolume() {
        GovflowImage.removeVolume(volume);
    }

    @Test
    void becomesReadyAndHealthyAsANonRootUser() throws Exception {
        try (GenericContainer<?> app = GovflowImage.container(volume, logs, "govflow")) {
            app.start();
            GovflowApi api = new GovflowApi(GovflowImage.baseUrl(app));

            GovflowApi.Response readiness = api.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("status").asString("")).isEqualTo("UP");
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            GovflowApi.Response prometheus = api.get("/actuator/prometheus", null);
            assertThat(prometheus.status()).isEqualTo(200);
            assertThat(prometheus.text()).contains("jvm_memory_used_bytes");

            GovflowImage.awaitDockerHealthy(app.getContainerId(), Duration.ofMinutes(2));

            InspectContainerResponse inspect = GovflowImage.docker().inspectContainerCmd(app.getContainerId()).exec();
            assertThat(inspect.getConfig().getUser()).isEqualTo("govflow:govflow");
            assertThat(inspect.getConfig().getEnv()).contains("GOVFLOW_DATA_DIR=/app/data");
            ExecResult id = app.execInContainer("id", "-u");
            assertThat(id.getStdout().strip()).isNotEqualTo("0").isEqualTo("10001");
            ExecResult owner = app.execInContainer("stat", "-c", "%U", GovflowImage.DATA_DIR);
            assertThat(owner.getStdout().strip()).isEqualTo("govflow");
        }
    }

    @Test
    void dataVolumeOutlivesTheContainerAndShutdownIsGraceful() throws Exception {
        String marker = GovflowImage.DATA_DIR + "/it-marker";
        try (GenericContainer<?> first = GovflowImage.container(volume, logs, "govflow-1")) {
            first.start();
            assertThat(first.execInContainer("sh", "-c", "echo kept > " + marker).getExitCode()).isZero();

            GovflowImage.stopGracefully(first, 30);
            InspectContainerResponse.ContainerState state =
                    GovflowImage.docker().inspectContainerCmd(first.getContainerId()).exec().getState();
            // 143 = 128 + SIGTERM: the JVM (PID 1) got the signal and ran its shutdown hooks
            assertThat(state.getExitCodeLong()).isEqualTo(143L);
            assertThat(first.getLogs()).contains("Graceful shutdown complete");
        }
        try (GenericContainer<?> second = GovflowImage.container(volume, logs, "govflow-2")) {
            second.start();
            assertThat(second.execInContainer("cat", marker).getStdout().strip()).isEqualTo("kept");
        }
    }

    /** Needs the agent endpoints (register, updates, metrics). */
    @Test
    void registersUpdatesAndReadsMetrics() throws Exception {
        try (GenericContainer<?> app = GovflowImage.container(volume, logs, "govflow")) {
            app.start();
            GovflowApi api = new GovflowApi(GovflowImage.baseUrl(app));
            String key = api.register("it_agent_1");

            GovflowApi.Response update = api.update("it_agent_1", key);
            assertThat(update.status()).as(update.text()).isEqualTo(200);
            assertThat(update.json().path("success").asBoolean(false)).isTrue();
            assertThat(update.json().at("/decision/action").asString("")).isIn("proceed", "pause");
            assertThat(update.json().at("/metrics/updates").asLong(-1)).isEqualTo(1);

            GovflowApi.Response metrics = api.metrics("it_agent_1", key);
            assertThat(metrics.status()).as(metrics.text()).isEqualTo(200);
            assertThat(metrics.json().path("success").asBoolean(false)).isTrue();
            assertThat(metrics.json().at("/state/update_count").asLong(-1)).isEqualTo(1);
        }
    }

    /** Needs the agent endpoints (register, updates, metrics). */
    @Test
    void agentStateSurvivesARestartOnTheSameVolume() throws Exception {
        String key;
        try (GenericContainer<?> first = GovflowImage.container(volume, logs, "govflow-1")) {
            first.start();
            GovflowApi api = new GovflowApi(GovflowImage.baseUrl(first));
            key = api.register("it_agent_1");
            for (int i = 0; i < 3; i++) {
                GovflowApi.Response update = api.update("it_agent_1", key);
                assertThat(update.status()).as(update.text()).isEqualTo(200);
            }
            GovflowImage.stopGracefully(first, 30);
        }
        try (GenericContainer<?> second = GovflowImage.container(volume, logs, "govflow-2")) {
            second.start();
            GovflowApi api = new GovflowApi(GovflowImage.baseUrl(second));
            assertThat(api.updateCount("it_agent_1", key)).isEqualTo(3);

            GovflowApi.Response update = api.update("it_agent_1", key);
            assertThat(update.status()).as("the key still works after the restart: %s", update.text())
                    .isEqualTo(200);
            assertThat(update.json().at("/metrics/updates").asLong(-1)).isEqualTo(4);
        }
    }

    /**
     * The history chart drawn inside the image: Java2D needs fonts for the text metrics of titles, axes and legend,
     * and the image's runtime has only what the base image installs.
     */
    @Test
    void drawsAChartWithTextInsideTheImage() throws Exception {
        try (GenericContainer<?> app = GovflowImage.container(volume, logs, "govflow")) {
            app.start();
            GovflowApi api = new GovflowApi(GovflowImage.baseUrl(app));
            String key = api.register("chart_it_agent");
            for (int n = 0; n < CHART_UPDATES; n++) {
                GovflowApi.Response update = api.update("chart_it_agent", key);
                assertThat(update.status()).as(update.text()).isEqualTo(200);
            }

            GovflowApi.Response chart = api.get("/api/v1/agents/chart_it_agent/history.svg"
                    + "?metrics=E,I,S,V,attention_score", key);

            assertThat(chart.status()).as(chart.text()).isEqualTo(200);
            SvgDocument svg = SvgDocument.parse(chart.text());
            assertThat(svg.root().getLocalName()).isEqualTo("svg");
            assertThat(svg.texts()).contains("History of agent chart_it_agent", "update seq (count)",
                    "score (dimensionless, 0..1)", "E (energy)", "approve threshold 0.35");
            assertThat(svg.children("series-E")).isEqualTo(CHART_UPDATES);
            assertThat(app.getLogs()).doesNotContain("Fontconfig").doesNotContain("FontConfiguration")
                    .doesNotContain("UnsatisfiedLinkError").doesNotContain("Exception");
        }
    }
}
