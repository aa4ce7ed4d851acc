/** Operator maintenance: lock files (held or not, orphans removed safely). */
@NullMarked
package io.govflow.flow.maintenance;

import org.jspecify.annotations.NullMarked;
