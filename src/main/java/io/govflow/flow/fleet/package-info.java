/**
 * The fleet at a glance for operators: an in-memory index of every agent's latest values and recent window, kept
 * current by committed updates and refreshed from changed logs, and the summary, anomaly and listing reports built
 * from it.
 */
@NullMarked
package io.govflow.flow.fleet;

import org.jspecify.annotations.NullMarked;
