package io.govflow.web.maintenance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.migration.AgentFinding;
import io.govflow.flow.migration.FileFinding;
import io.govflow.flow.migration.MigrationAction;
import io.govflow.flow.migration.MigrationReport;

/**
 * The migration report: the changes made (or, in a dry run, that would be made), then the findings per agent and
 * per file. {@code STATE_MISSING}, {@code ORPHAN_STATE} and {@code HISTORY_INCOMPLETE} are warnings.
 */
@JsonPropertyOrder({ "success", "dry_run", "checked_at", "actions", "agents", "files", "totals" })
public record MigrationResponse(boolean success, boolean dryRun, String checkedAt, List<MigrationAction> actions,
        List<AgentFinding> agents, List<FileFinding> files, Totals totals) {

    /** Counts over the report. */
    @JsonPropertyOrder({ "actions", "agents_with_findings", "errors", "warnings" })
    public record Totals(int actions, int agentsWithFindings, long errors, long warnings) {
    }

    static MigrationResponse of(MigrationReport report) {
        return new MigrationResponse(true, report.dryRun(), report.checkedAt(), report.actions(), report.agents(),
                report.files(), new Totals(report.actions().size(), report.agents().size(), report.errors(),
                        report.warnings()));
    }
}
