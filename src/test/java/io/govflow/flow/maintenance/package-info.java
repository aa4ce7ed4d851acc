/** Tests of flow.maintenance: lock files held by other processes, listed and cleaned up over HTTP. */
@NullMarked
package io.govflow.flow.maintenance;

import org.jspecify.annotations.NullMarked;
