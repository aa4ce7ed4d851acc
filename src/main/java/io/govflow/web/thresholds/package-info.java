/** HTTP mapping of the runtime decision thresholds. */
@NullMarked
package io.govflow.web.thresholds;

import org.jspecify.annotations.NullMarked;
