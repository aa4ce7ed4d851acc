package io.govflow.flow.context;

import tools.jackson.databind.node.ObjectNode;

/** Derives the summary of a type from its (normalized, redacted, untrimmed) data. */
@FunctionalInterface
interface SummaryRule {

    Summary summarize(ObjectNode d);
}
