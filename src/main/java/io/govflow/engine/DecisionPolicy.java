package io.govflow.engine;

/**
 * The two-tier decision (proceed / pause), evaluated in order:
 * <ol>
 *   <li>a high-risk verdict pauses (critical from attention 0.70);</li>
 *   <li>a caution verdict with attention below the approve threshold proceeds, aware of the caution;</li>
 *   <li>otherwise: a void pauses, coherence below the critical threshold pauses, attention below approve
 *       proceeds, below revise proceeds with guidance, and anything higher pauses.</li>
 * </ol>
 * Reasons and guidance are deterministic functions of the inputs, so a stored decision can be rebuilt.
 */
public final class DecisionPolicy {

    /** Attention at which a high-risk pause is flagged critical; fixed, not a runtime threshold. */
    public static final double RISK_REJECT = 0.70;

    private DecisionPolicy() {
    }

    public static Decision decide(String verdict, double attention, boolean voidActive, double coherence, Thresholds t) {
        if (Verdict.HIGH_RISK.equals(verdict)) {
            return highRiskPause(attention);
        }
        if (Verdict.CAUTION.equals(verdict) && attention < t.riskApprove()) {
            return new Decision(Decision.PROCEED,
                    "Φ is in the caution band, but attention " + Percent.of(attention)
                            + " is below the approve threshold " + Percent.of(t.riskApprove()) + ".",
                    "Carry on, and double-check the parts you are least sure about.", false, Decision.AWARE);
        }
        return standardRule(attention, voidActive, coherence, t);
    }

    private static Decision highRiskPause(double attention) {
        return new Decision(Decision.PAUSE,
                "Φ is in the high-risk band (attention " + Percent.of(attention) + ").",
                "Stop and review the last step; reduce its scope or the reported drift before continuing.",
                attention >= RISK_REJECT, null);
    }

    private static Decision standardRule(double attention, boolean voidActive, double coherence, Thresholds t) {
        if (voidActive) {
            return pause("Energy and integrity have drifted apart (void state).",
                    "Let the state settle: take smaller, well-checked steps until the void clears.");
        }
        if (coherence < t.coherenceCritical()) {
            return pause("Coherence " + Percent.of(coherence) + " is below the critical level "
                            + Percent.of(t.coherenceCritical()) + ".",
                    "Narrow the focus to one consistent line of work before going on.");
        }
        if (attention < t.riskApprove()) {
            return new Decision(Decision.PROCEED, "Attention " + Percent.of(attention)
                    + " is below the approve threshold " + Percent.of(t.riskApprove()) + ".", null, false, null);
        }
        if (attention < t.riskRevise()) {
            return new Decision(Decision.PROCEED, "Attention " + Percent.of(attention)
                    + " is between the approve (" + Percent.of(t.riskApprove()) + ") and pause ("
                    + Percent.of(t.riskRevise()) + ") thresholds.",
                    "Keep the complexity where it is; " + Percent.of(t.riskRevise() - attention)
                            + " of headroom remains before a pause.",
                    false, null);
        }
        return pause("Attention " + Percent.of(attention) + " reached the pause threshold "
                        + Percent.of(t.riskRevise()) + ".",
                "Split the work into smaller steps and simplify the approach before the next update.");
    }

    private static Decision pause(String reason, String guidance) {
        return new Decision(Decision.PAUSE, reason, guidance, false, null);
    }
}
