package io.govflow.flow.history;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.govflow.engine.Thresholds;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link HistoryChart} with JFreeChart into an SVG document (JFreeSVG): the agent id as the title, update
 * seq on the X axis, the 0..1-ish scores on the left axis and λ1 on its own right axis (when drawn with others),
 * a legend, the thresholds in force as labelled horizontal lines, and the pause decisions as triangles along the
 * bottom of the plot.
 *
 * <p><b>Countable points</b> (a stable contract, used by tests and the console): the markers of the points of
 * metric {@code m} (a name of {@code metrics=}: {@code E}, {@code I}, {@code S}, {@code V},
 * {@code attention_score}, {@code coherence}, {@code lambda1}) are the child elements of the group
 * {@code g#series-m}, one element per plotted point, so the CSS selector {@code g#series-E > *} counts the points
 * of E. The pause decisions are the children of {@code g#pauses}. A threshold line is drawn in
 * {@code g#threshold-risk_approve}, {@code g#threshold-risk_revise} (with attention_score) and
 * {@code g#threshold-coherence_critical} (with coherence). A series without points has no group.
 */
final class SvgChartRenderer {

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    static final String NO_UPDATES = "no updates";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static final String SCORE_AXIS = "score (dimensionless, 0..1)";
    private static final String LAMBDA_AXIS = "lambda1 (coupling gain, dimensionless)";
    private static final String SEQ_AXIS = "update seq (count)";
    private static final double PAUSE_Y = 0.03;
    private static final Color PAUSE_COLOR = new Color(0xC6, 0x28, 0x28);

    static {
        // the workaround draws rotated text (the vertical axis labels) as glyph outlines: keep it as SVG text
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    String render(HistoryChart chart) {
        JFreeChart jfree = new JFreeChart("History of agent " + chart.agentId(), JFreeChart.DEFAULT_TITLE_FONT,
                plot(chart), true);
        jfree.addSubtitle(new TextTitle(subtitle(chart), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        jfree.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setGeomDoubleConverter(SvgChartRenderer::hundredths);
        jfree.draw(g2, new Rectangle(WIDTH, HEIGHT));
        // no DOCTYPE: it would name an external DTD that XML parsers might try to fetch
        return XML_DECLARATION + g2.getSVGElement();
    }

    /**
     * Coordinates to a hundredth of a pixel: plenty on screen, and it keeps the document small. Never in exponent
     * form: a non-zero value is at least 0.01 in size, and a chart is far smaller than 10^7 pixels.
     */
    static String hundredths(double value) {
        return Double.toString(Math.round(value * 100.0) / 100.0);
    }

    private static String subtitle(HistoryChart chart) {
        if (chart.updates() == 0) {
            return NO_UPDATES;
        }
        String sampled = chart.series().values().stream().anyMatch(p -> p.size() == 2 * PointSampler.BUCKETS)
                && chart.updates() > PointSampler.MAX_POINTS ? "; min and max per bucket of "
                + PointSampler.BUCKETS + " buckets" : "; one point per update";
        return "last " + chart.updates() + " updates" + sampled + "; pause decisions marked by red triangles";
    }

    private static XYPlot plot(HistoryChart chart) {
        List<ChartMetric> scores = chart.series().keySet().stream().filter(m -> !m.ownAxis()).toList();
        List<ChartMetric> own = chart.series().keySet().stream().filter(ChartMetric::ownAxis).toList();
        boolean lambdaOnly = scores.isEmpty();
        NumberAxis seq = new NumberAxis(SEQ_AXIS);
        seq.setAutoRangeIncludesZero(false);
        seq.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        GroupingRenderer scoreRenderer = renderer(lambdaOnly ? own : scores);
        NumberAxis first = valueAxis(lambdaOnly ? LAMBDA_AXIS : SCORE_AXIS);
        if (!lambdaOnly) {
            scoreRange(first, chart, scores);
        }
        XYPlot plot = new XYPlot(dataset(chart, lambdaOnly ? own : scores), seq, first, scoreRenderer);
        plot.setNoDataMessage(NO_UPDATES);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        int next = 1;
        if (!lambdaOnly && !own.isEmpty()) {
            addDataset(plot, next++, dataset(chart, own), valueAxis(LAMBDA_AXIS), renderer(own), true);
            ((GroupingRenderer) plot.getRenderer(1)).setSeriesPaint(0, new Color(0x6A, 0x1B, 0x9A));
        }
        addPauses(plot, next, chart.pauses());
        addThresholds(plot, scoreRenderer, chart);
        return plot;
    }

    private static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /**
     * At least 0..1, so the threshold lines are always inside the plot, and wide enough for every value, so every
     * point is drawn (a point outside the axis range would have no marker).
     */
    private static void scoreRange(NumberAxis axis, HistoryChart chart, List<ChartMetric> scores) {
        double low = 0.0;
        double high = 1.0;
        for (ChartMetric metric : scores) {
            for (ChartPoint point : chart.series().get(metric)) {
                low = Math.min(low, point.value());
                high = Math.max(high, point.value());
            }
        }
        double margin = (high - low) * 0.03;
        axis.setRange(low - margin, high + margin);
    }

    private static XYSeriesCollection dataset(HistoryChart chart, List<ChartMetric> metrics) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (ChartMetric metric : metrics) {
            XYSeries series = new XYSeries(metric.label(), false, true);
            for (ChartPoint point : chart.series().get(metric)) {
                series.add(point.seq(), point.value(), false);
            }
            dataset.addSeries(series);
        }
        return dataset;
    }

    private static GroupingRenderer renderer(List<ChartMetric> metrics) {
        List<String> groups = new ArrayList<>();
        for (ChartMetric metric : metrics) {
            groups.add("series-" + metric.wire());
        }
        GroupingRenderer renderer = new GroupingRenderer(groups, true);
        // a square is one short <rect> element per point in the SVG
        Shape dot = new Rectangle2D.Double(-2, -2, 4, 4);
        for (int i = 0; i < metrics.size(); i++) {
            renderer.setSeriesShape(i, dot);
            renderer.setSeriesStroke(i, new BasicStroke(1.2f));
        }
        return renderer;
    }

    private static void addDataset(XYPlot plot, int index, XYSeriesCollection dataset, NumberAxis axis,
            GroupingRenderer renderer, boolean visibleAxis) {
        axis.setVisible(visibleAxis);
        plot.setDataset(index, dataset);
        plot.setRangeAxis(index, axis);
        plot.mapDatasetToRangeAxis(index, index);
        plot.setRenderer(index, renderer);
    }

    /** Pause decisions as triangles near the bottom, on a hidden fixed 0..1 axis of their own. */
    private static void addPauses(XYPlot plot, int index, List<Long> pauses) {
        XYSeries series = new XYSeries("pause decision", false, true);
        pauses.forEach(seq -> series.add(seq.doubleValue(), PAUSE_Y, false));
        NumberAxis axis = new NumberAxis("pause decisions");
        axis.setRange(0.0, 1.0);
        GroupingRenderer renderer = new GroupingRenderer(List.of("pauses"), false);
        renderer.setSeriesShape(0, triangle());
        renderer.setSeriesPaint(0, PAUSE_COLOR);
        addDataset(plot, index, new XYSeriesCollection(series), axis, renderer, false);
    }

    private static Shape triangle() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -5);
        path.lineTo(4.5, 4);
        path.lineTo(-4.5, 4);
        path.closePath();
        return path;
    }

    private static void addThresholds(XYPlot plot, GroupingRenderer renderer, HistoryChart chart) {
        Thresholds in = chart.thresholds();
        if (chart.series().containsKey(ChartMetric.ATTENTION_SCORE)) {
            threshold(plot, renderer, "risk_approve", "approve threshold", in.riskApprove(), new Color(0x2E, 0x7D,
                    0x32));
            threshold(plot, renderer, "risk_revise", "revise threshold", in.riskRevise(), new Color(0xE6, 0x51,
                    0x00));
        }
        if (chart.series().containsKey(ChartMetric.COHERENCE)) {
            threshold(plot, renderer, "coherence_critical", "coherence critical", in.coherenceCritical(),
                    new Color(0xAD, 0x14, 0x57));
        }
    }

    private static void threshold(XYPlot plot, GroupingRenderer renderer, String id, String label, double value,
            Color color) {
        ValueMarker marker = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label + " " + value);
        marker.setLabelPaint(color);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        renderer.group(marker, "threshold-" + id);
        plot.addRangeMarker(0, marker, Layer.FOREGROUND);
    }
}
