package io.govflow.web.consistency;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.consistency.RepairReport;

/** What repair did (or would do) and the consistency report afterwards (before, in a dry run). */
@JsonPropertyOrder({ "success", "dry_run", "actions", "consistency" })
public record RepairResponse(boolean success, boolean dryRun, List<RepairReport.Action> actions,
        ConsistencyResponse consistency) {

    static RepairResponse of(RepairReport report) {
        return new RepairResponse(true, report.dryRun(), report.actions(),
                ConsistencyResponse.of(report.consistency()));
    }
}
