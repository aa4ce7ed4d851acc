package io.govflow.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The four state variables, in the order E, I, S, V, with the ranges Govflow actually keeps them in. */
public final class EisvLabels {

    public static final Map<String, EisvLabel> ALL = labels();

    private EisvLabels() {
    }

    private static Map<String, EisvLabel> labels() {
        Map<String, EisvLabel> labels = new LinkedHashMap<>();
        labels.put("E", new EisvLabel("Energy",
                "Capacity for exploration and productive work; pulled towards I.",
                "How much drive the agent has right now", "[0.0, 1.0]"));
        labels.put("I", new EisvLabel("Information Integrity",
                "Consistency of what the agent knows and reports; lowered by entropy, raised by coherence.",
                "How trustworthy the agent's information is", "[0.0, 1.0]"));
        labels.put("S", new EisvLabel("Entropy",
                "Semantic uncertainty; decays on its own, grows with ethical drift, shrinks with coherence.",
                "How uncertain or scattered the work is", "[0.0, 1.0]"));
        labels.put("V", new EisvLabel("Void Integral",
                "Accumulated imbalance between E and I, slowly decaying; drives coherence.",
                "How far energy and integrity have drifted apart", "[-2.0, 2.0]"));
        return Collections.unmodifiableMap(labels);
    }
}
