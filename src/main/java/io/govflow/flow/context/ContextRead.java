package io.govflow.flow.context;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a read served.
 *
 * @param reason   why the flat file was not served as fresh (null when it was)
 * @param document the envelope in its key order, without {@code d} unless the full view was asked for
 */
public record ContextRead(ContextSourceKind source, boolean stale, @Nullable DocumentProblem reason,
        ObjectNode document) {
}
