package io.govflow.flow.history;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGHints;

/**
 * A line-and-shape renderer that wraps each series' point markers, and each range marker it draws, in an SVG
 * group with a stable id, so the points of a series can be counted in the document. Only the markers of the points
 * are in a series' group (the line is drawn in the earlier pass), one element per point: shapes are filled and
 * not outlined.
 */
final class GroupingRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    private final List<String> seriesGroups;
    private final transient Map<Marker, String> markerGroups = new IdentityHashMap<>();

    /** {@code seriesGroups.get(i)}: the group id of series {@code i}'s markers. */
    GroupingRenderer(List<String> seriesGroups, boolean lines) {
        super(lines, true);
        this.seriesGroups = List.copyOf(seriesGroups);
        setDrawOutlines(false);
        setUseFillPaint(false);
        setDrawSeriesLineAsPath(true);
    }

    /** Draws {@code marker} inside a group with id {@code groupId}. */
    void group(Marker marker, String groupId) {
        markerGroups.put(marker, groupId);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        boolean markers = isItemPass(pass);
        if (markers && item == 0) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, seriesGroups.get(series));
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
        if (markers && item == dataset.getItemCount(series) - 1) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, seriesGroups.get(series));
        }
    }

    @Override
    public void drawRangeMarker(Graphics2D g2, XYPlot plot, ValueAxis axis, Marker marker, Rectangle2D dataArea) {
        String id = markerGroups.get(marker);
        if (id != null) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
        }
        super.drawRangeMarker(g2, plot, axis, marker, dataArea);
        if (id != null) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, id);
        }
    }
}
