/** Tests of store.thresholds. */
@NullMarked
package io.govflow.store.thresholds;

import org.jspecify.annotations.NullMarked;
