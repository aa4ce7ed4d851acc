package io.govflow.flow.context;

import org.springframework.stereotype.Component;

import io.govflow.store.context.ContextEnvelopeCodec;

import tools.jackson.databind.JsonNode;

/** The stateless pieces of the write pipeline that need the codec (exact byte sizes). */
@Component
class ContextPipelineParts {

    private final ContextEnvelopeCodec codec;

    ContextPipelineParts(ContextEnvelopeCodec codec) {
        this.codec = codec;
    }

    /** A new trimmer (trimmers keep per-call size memos, so each call gets its own). */
    Trimmer trimmer() {
        return new Trimmer(codec);
    }

    SummaryFitter fitter() {
        return new SummaryFitter(codec);
    }

    int compactSize(JsonNode node) {
        return codec.compact(node).length;
    }
}
