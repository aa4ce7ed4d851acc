package io.govflow.web.thresholds;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.engine.DecisionPolicy;
import io.govflow.engine.Thresholds;
import io.govflow.flow.update.CurrentThresholds;
import org.jspecify.annotations.Nullable;

/**
 * The thresholds in force.
 *
 * @param source    {@code default} (never set) or {@code persisted} ({@code thresholds.json})
 * @param updatedAt when they were last set; null while the defaults apply
 */
@JsonPropertyOrder({ "success", "thresholds", "risk_reject_threshold", "source", "updated_at" })
public record ThresholdsResponse(boolean success, Values thresholds, double riskRejectThreshold, String source,
        @Nullable String updatedAt) {

    /** The four runtime-settable values. */
    @JsonPropertyOrder({ "risk_approve_threshold", "risk_revise_threshold", "coherence_critical_threshold",
            "void_threshold_initial" })
    public record Values(double riskApproveThreshold, double riskReviseThreshold, double coherenceCriticalThreshold,
            double voidThresholdInitial) {
    }

    static ThresholdsResponse of(CurrentThresholds.Setting setting) {
        Thresholds t = setting.thresholds();
        return new ThresholdsResponse(true, new Values(t.riskApprove(), t.riskRevise(), t.coherenceCritical(),
                t.voidThresholdInitial()), DecisionPolicy.RISK_REJECT,
                setting.updatedAt() == null ? "default" : "persisted", setting.updatedAt());
    }
}
