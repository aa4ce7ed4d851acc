package io.govflow.web.consistency;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.consistency.ConsistencyReport;

/** {@code {success, checked_at, agents, files, totals}}; {@code ok} means no error (warnings allowed). */
@JsonPropertyOrder({ "success", "checked_at", "agents", "files", "totals" })
public record ConsistencyResponse(boolean success, String checkedAt, List<ConsistencyReport.AgentReport> agents,
        List<ConsistencyReport.FileReport> files, ConsistencyReport.Totals totals) {

    static ConsistencyResponse of(ConsistencyReport report) {
        return new ConsistencyResponse(true, report.checkedAt(), report.agents(), report.files(), report.totals());
    }
}
