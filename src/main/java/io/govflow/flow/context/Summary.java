package io.govflow.flow.context;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** A derived summary {@code s} and the query hints {@code m.q} that go with it by default. */
record Summary(ObjectNode s, List<String> q) {

    Summary {
        q = List.copyOf(q);
    }
}
