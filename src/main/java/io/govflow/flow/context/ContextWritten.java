package io.govflow.flow.context;

import tools.jackson.databind.node.ObjectNode;

/**
 * A stored document.
 *
 * @param created  true when the type had no document before
 * @param document the stored envelope without {@code d}
 */
public record ContextWritten(boolean created, ObjectNode document) {
}
