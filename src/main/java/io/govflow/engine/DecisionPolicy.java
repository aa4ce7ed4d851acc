package io.govflow.engine;

import java.util.Locale;

/**
 * The two-tier decision (proceed / pause), evaluated in order:
 * <ol>
 *   <li>a high-risk verdict pauses (critical from attention 0.70);</li>
 *   <li>a caution verdict with attention below the approve threshold proceeds, aware of the caution;</li>
 *   <li>otherwise: a void pauses, coherence below the critical threshold pauses, attention below approve
 *       proceeds, below revise proceeds with guidance, and anything higher pauses.</li>
 * </ol>
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
                    format("The Φ verdict is caution, but attention is low (%.2f).", attention),
                    "Carry on, and double-check the parts you are least sure about.", false, Decision.AWARE);
        }
        return standardRule(attention, voidActive, coherence, t);
    }

    private static Decision highRiskPause(double attention) {
        return new Decision(Decision.PAUSE,
                format("The Φ verdict is high-risk (attention %.2f).", attention),
                "Stop and review the last step; reduce its scope or the reported drift before continuing.",
                attention >= RISK_REJECT, null);
    }

    private static Decision standardRule(double attention, boolean voidActive, double coherence, Thresholds t) {
        if (voidActive) {
            return pause("Energy and integrity have drifted apart (void state).",
                    "Let the state settle: take smaller, well-checked steps until the void clears.");
        }
        if (coherence < t.coherenceCritical()) {
            return pause(format("Coherence %.2f is below the critical level %.2f.", coherence, t.coherenceCritical()),
                    "Narrow the focus to one consistent line of work before going on.");
        }
        if (attention < t.riskApprove()) {
            return new Decision(Decision.PROCEED,
                    format("Attention %.2f is below the approve threshold %.2f.", attention, t.riskApprove()),
                    null, false, null);
        }
        if (attention < t.riskRevise()) {
            return new Decision(Decision.PROCEED,
                    format("Attention %.2f is between the approve (%.2f) and pause (%.2f) thresholds.",
                            attention, t.riskApprove(), t.riskRevise()),
                    format("Keep the complexity where it is; %.2f of headroom remains before a pause.",
                            t.riskRevise() - attention),
                    false, null);
        }
        return pause(format("Attention %.2f reached the pause threshold %.2f.", attention, t.riskRevise()),
                "Split the work into smaller steps and simplify the approach before the next update.");
    }

    private static Decision pause(String reason, String guidance) {
        return new Decision(Decision.PAUSE, reason, guidance, false, null);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
