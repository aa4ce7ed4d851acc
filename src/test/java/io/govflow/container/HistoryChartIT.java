package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;

import io.govflow.flow.history.SvgDocument;

/**
 * The history chart drawn inside the image: Java2D needs fonts for the text metrics of titles, axes and legend,
 * and the image's runtime has only what the base image installs.
 */
@ContainerTest
class HistoryChartIT {

    private static final int UPDATES = 5;

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
    void drawsAChartWithTextInsideTheImage() throws Exception {
        try (GenericContainer<?> app = GovflowImage.container(volume, logs, "govflow")) {
            app.start();
            GovflowApi api = new GovflowApi(GovflowImage.baseUrl(app));
            String key = api.register("chart_it_agent");
            for (int n = 0; n < UPDATES; n++) {
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
            assertThat(svg.children("series-E")).isEqualTo(UPDATES);
            assertThat(app.getLogs()).doesNotContain("Fontconfig").doesNotContain("FontConfiguration")
                    .doesNotContain("UnsatisfiedLinkError").doesNotContain("Exception");
        }
    }
}
