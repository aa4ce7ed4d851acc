/** The agent's history as an SVG chart over HTTP. */
@NullMarked
package io.govflow.web.history;

import org.jspecify.annotations.NullMarked;
