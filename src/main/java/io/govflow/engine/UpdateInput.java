package io.govflow.engine;

import java.util.Arrays;

/**
 * One agent update as the engine sees it.
 *
 * @param complexity   reported complexity, already validated into [0,1]
 * @param confidence   the agent's confidence, already validated into [0,1]; gates the λ1 controller
 * @param ethicalDrift drift vector of any length; only the first three components are used
 * @param responseText the text of the work unit, used by the text heuristics
 */
public record UpdateInput(double complexity, double confidence, double[] ethicalDrift, String responseText) {

    public UpdateInput {
        ethicalDrift = ethicalDrift.clone();
    }

    @Override
    public double[] ethicalDrift() {
        return ethicalDrift.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpdateInput that
                && Double.compare(complexity, that.complexity) == 0
                && Double.compare(confidence, that.confidence) == 0
                && Arrays.equals(ethicalDrift, that.ethicalDrift)
                && responseText.equals(that.responseText);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(complexity) + Double.hashCode(confidence))
                + Arrays.hashCode(ethicalDrift)) + responseText.hashCode();
    }

    @Override
    public String toString() {
        return "UpdateInput[complexity=" + complexity + ", confidence=" + confidence
                + ", ethicalDrift=" + Arrays.toString(ethicalDrift) + ", responseText.length=" + responseText.length() + "]";
    }
}
