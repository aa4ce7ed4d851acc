/**
 * The agent's history as a chart: the last updates of its log, sampled down to a bounded number of points per
 * metric, drawn as a standalone SVG document.
 */
@NullMarked
package io.govflow.flow.history;

import org.jspecify.annotations.NullMarked;
