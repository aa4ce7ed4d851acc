/** File-level steps of migrating a reference data directory: copied keys rewritten in place. */
@NullMarked
package io.govflow.store.migration;

import org.jspecify.annotations.NullMarked;
