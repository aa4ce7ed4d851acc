/**
 * The knowledge graph: storing discoveries (authenticated, rate-limited, auto-linked by tags), looking them up,
 * filtered and ranked search, status changes, similarity and statistics.
 */
@NullMarked
package io.govflow.flow.knowledge;

import org.jspecify.annotations.NullMarked;
