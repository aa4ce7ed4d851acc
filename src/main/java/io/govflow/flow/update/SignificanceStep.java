package io.govflow.flow.update;

import java.util.List;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Step 7 of the reference's update handler: after a committed update that asked for it, export the history when
 * the update is significant. Runs after the agent lock is released; a failed export is reported in the block and
 * never fails the update.
 */
@Component
class SignificanceStep {

    private static final Logger log = LoggerFactory.getLogger(SignificanceStep.class);

    private final AutoExports exports;

    SignificanceStep(AutoExports exports) {
        this.exports = exports;
    }

    UpdateOutcome apply(String agentId, UpdateOutcome committed, List<String> reasons) {
        if (reasons.isEmpty()) {
            return committed.withSignificance(
                    new SignificanceReport(false, reasons, committed.timestamp(), false, null, null));
        }
        try {
            String path = exports.exportSignificant(agentId);
            return committed.withSignificance(
                    new SignificanceReport(true, reasons, committed.timestamp(), true, path, null));
        } catch (RuntimeException e) {
            String code = e instanceof GovflowException g ? g.code().name() : ErrorCode.INTERNAL_ERROR.name();
            log.warn("significance export failed agent_id={} error_code={}", agentId, code);
            return committed.withSignificance(
                    new SignificanceReport(true, reasons, committed.timestamp(), false, null, code));
        }
    }
}
