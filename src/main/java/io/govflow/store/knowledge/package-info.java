/**
 * The shared knowledge graph file ({@code knowledge_graph.json}): discoveries keyed by id, indexes rebuilt from the
 * nodes, every change a locked read-merge-write.
 */
@NullMarked
package io.govflow.store.knowledge;

import org.jspecify.annotations.NullMarked;
