package io.govflow.flow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.govflow.engine.Thresholds;

/** The SVG drawn for a chart: its structure, text and countable groups. */
class SvgChartRendererTest {

    private static final Thresholds THRESHOLDS = new Thresholds(0.31, 0.62, 0.43, 0.15);

    @Test
    void drawsTitleAxesLegendThresholdsPausesAndOneMarkerPerPoint() {
        Map<ChartMetric, List<ChartPoint>> series = new LinkedHashMap<>();
        for (ChartMetric metric : ChartMetric.values()) {
            series.put(metric, ramp(12 + metric.ordinal()));
        }
        SvgDocument svg = SvgDocument.parse(render(new HistoryChart("agent_1", series, List.of(3L, 7L), 18,
                THRESHOLDS)));

        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.root().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.texts()).contains("History of agent agent_1", "update seq (count)",
                "score (dimensionless, 0..1)", "lambda1 (coupling gain, dimensionless)",
                "E (energy)", "I (information integrity)", "S (entropy)", "V (void integral)", "attention score",
                "coherence", "lambda1 (coupling)", "pause decision",
                "approve threshold 0.31", "revise threshold 0.62", "coherence critical 0.43");
        for (ChartMetric metric : ChartMetric.values()) {
            assertThat(svg.children("series-" + metric.wire())).as(metric.wire()).isEqualTo(12 + metric.ordinal());
        }
        assertThat(svg.children("pauses")).isEqualTo(2);
        for (String threshold : List.of("risk_approve", "risk_revise", "coherence_critical")) {
            assertThat(svg.descendants("threshold-" + threshold, "line")).as(threshold).isEqualTo(1);
        }
    }

    @Test
    void thresholdLinesOnlyWithTheirMetric() {
        Map<ChartMetric, List<ChartPoint>> series = new LinkedHashMap<>();
        series.put(ChartMetric.E, ramp(5));
        series.put(ChartMetric.V, ramp(5));
        SvgDocument svg = SvgDocument.parse(render(new HistoryChart("agent_1", series, List.of(), 5, THRESHOLDS)));

        assertThat(svg.group("threshold-risk_approve")).isNull();
        assertThat(svg.group("threshold-risk_revise")).isNull();
        assertThat(svg.group("threshold-coherence_critical")).isNull();
        assertThat(svg.children("series-E")).isEqualTo(5);
        assertThat(svg.children("series-V")).isEqualTo(5);
        assertThat(svg.children("pauses")).isZero();
    }

    @Test
    void thresholdsStayVisibleWhenTheScoresAreFarFromThem() {
        Map<ChartMetric, List<ChartPoint>> series = new LinkedHashMap<>();
        series.put(ChartMetric.ATTENTION_SCORE, List.of(new ChartPoint(1, 0.10), new ChartPoint(2, 0.11)));
        SvgDocument svg = SvgDocument.parse(render(new HistoryChart("agent_1", series, List.of(), 2, THRESHOLDS)));

        assertThat(svg.descendants("threshold-risk_revise", "line")).isEqualTo(1);
        assertThat(svg.children("series-attention_score")).isEqualTo(2);
    }

    @Test
    void lambdaAloneGetsTheLeftAxis() {
        Map<ChartMetric, List<ChartPoint>> series = Map.of(ChartMetric.LAMBDA1,
                List.of(new ChartPoint(1, 0.09), new ChartPoint(2, 0.2), new ChartPoint(3, 0.15)));
        SvgDocument svg = SvgDocument.parse(render(new HistoryChart("agent_1", series, List.of(2L), 3, THRESHOLDS)));

        assertThat(svg.texts()).contains("lambda1 (coupling gain, dimensionless)")
                .doesNotContain("score (dimensionless, 0..1)");
        assertThat(svg.children("series-lambda1")).isEqualTo(3);
        assertThat(svg.children("pauses")).isEqualTo(1);
    }

    @Test
    void anAgentWithoutUpdatesGetsAChartSayingSo() {
        Map<ChartMetric, List<ChartPoint>> series = new LinkedHashMap<>();
        series.put(ChartMetric.E, List.of());
        series.put(ChartMetric.ATTENTION_SCORE, List.of());
        SvgDocument svg = SvgDocument.parse(render(new HistoryChart("agent_1", series, List.of(), 0, THRESHOLDS)));

        assertThat(svg.texts()).contains("History of agent agent_1", SvgChartRenderer.NO_UPDATES);
        assertThat(svg.children("series-E")).isZero();
    }

    @Test
    void textIsEscaped() {
        String svg = render(new HistoryChart("a<b>&\"c'", Map.of(ChartMetric.E, ramp(2)), List.of(), 2,
                THRESHOLDS));

        assertThat(svg).doesNotContain("a<b>");
        assertThat(SvgDocument.parse(svg).texts()).contains("History of agent a<b>&\"c'");
    }

    @Test
    void coordinatesAreShortAndNeverInExponentForm() {
        assertThat(SvgChartRenderer.hundredths(12.345678)).isEqualTo("12.35");
        assertThat(SvgChartRenderer.hundredths(0.0001)).isEqualTo("0.0");
        assertThat(SvgChartRenderer.hundredths(-0.004)).isEqualTo("0.0");
        assertThat(SvgChartRenderer.hundredths(99999.999)).isEqualTo("100000.0");
    }

    private static String render(HistoryChart chart) {
        return new SvgChartRenderer().render(chart);
    }

    private static List<ChartPoint> ramp(int n) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            points.add(new ChartPoint(i, (i % 7) / 7.0));
        }
        return points;
    }
}
