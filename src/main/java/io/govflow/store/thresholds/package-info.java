/** The runtime decision thresholds file {@code thresholds.json}, shared by every instance on the data directory. */
@NullMarked
package io.govflow.store.thresholds;

import org.jspecify.annotations.NullMarked;
