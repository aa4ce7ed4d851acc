/** HTTP mapping of the update flow: updates, simulations, metrics. */
@NullMarked
package io.govflow.web.update;

import org.jspecify.annotations.NullMarked;
