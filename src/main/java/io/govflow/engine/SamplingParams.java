package io.govflow.engine;

import java.util.Locale;

/**
 * Generation settings suggested from λ1 (clipped into [0,1]): temperature 0.5 + 0.7λ, top_p 0.85 + 0.10λ,
 * max_tokens ⌊100 + 400λ⌋. With λ1 in [0.05, 0.20] that is 0.535–0.64, 0.855–0.87 and 120–180.
 */
public record SamplingParams(double temperature, double topP, int maxTokens, double lambda1) {

    private static final double CREATIVE_ABOVE = 0.7;
    private static final double FOCUSED_BELOW = 0.5;

    public static SamplingParams of(double lambda1) {
        double lambda = Bounds.clip(lambda1, 0.0, 1.0);
        return new SamplingParams(0.5 + 0.7 * lambda, 0.85 + 0.10 * lambda, (int) (100 + 400 * lambda), lambda);
    }

    /** A short explanation for the agent; the settings are suggestions, not orders. */
    public String note() {
        return String.format(Locale.ROOT,
                "Optional settings for your next generation: temperature %.2f (%s), top_p %.3f, at most %d tokens. "
                        + "Use them or ignore them.",
                temperature, style(), topP, maxTokens);
    }

    private String style() {
        if (temperature > CREATIVE_ABOVE) {
            return "more creative";
        }
        return temperature < FOCUSED_BELOW ? "more focused" : "balanced";
    }
}
