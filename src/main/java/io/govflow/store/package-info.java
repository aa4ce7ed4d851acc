/**
 * The store: the only code that touches the data directory. Sub-packages by capability: {@code io} (durable
 * primitives, locks, JSON formatting) and {@code agent} (update log, state file, metadata file).
 */
@NullMarked
package io.govflow.store;

import org.jspecify.annotations.NullMarked;
