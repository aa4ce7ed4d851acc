/**
 * Context documents on disk: one compact JSON envelope per type under
 * {@code workspace/workspace_{agent_id}/agent_context/}, its previous valid copy, and the tenant's manifest.
 */
@NullMarked
package io.govflow.store.context;

import org.jspecify.annotations.NullMarked;
