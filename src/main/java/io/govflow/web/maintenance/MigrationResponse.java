package io.govflow.web.maintenance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.consistency.ConsistencyReport;
import io.govflow.flow.migration.MigrationAction;
import io.govflow.flow.migration.MigrationReport;

/**
 * The migration report: the changes made (or, in a dry run, that would be made), then the findings per agent
 * (the consistency report's {@code STATE_MISSING}, {@code ORPHAN_STATE}, {@code ORPHAN_LOG} and
 * {@code HISTORY_INCOMPLETE} warnings, and unreadable agent files) and per file.
 */
@JsonPropertyOrder({ "success", "dry_run", "checked_at", "actions", "agents", "files", "totals" })
public record MigrationResponse(boolean success, boolean dryRun, String checkedAt, List<MigrationAction> actions,
        List<ConsistencyReport.AgentReport> agents, List<ConsistencyReport.FileReport> files,
        MigrationReport.Totals totals) {

    static MigrationResponse of(MigrationReport report) {
        return new MigrationResponse(true, report.dryRun(), report.checkedAt(), report.actions(), report.agents(),
                report.files(), report.totals());
    }
}
