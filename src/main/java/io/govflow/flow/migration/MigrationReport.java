package io.govflow.flow.migration;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.consistency.ConsistencyReport;

/**
 * What a migration run did (or would do) and what it found.
 *
 * @param agents agents with a reference-data finding, by id ({@link ConsistencyReport#referenceDataFindings()})
 * @param files  files that could not be migrated or checked, by path
 */
@JsonPropertyOrder({ "dry_run", "checked_at", "actions", "agents", "files", "totals" })
public record MigrationReport(boolean dryRun, String checkedAt, List<MigrationAction> actions,
        List<ConsistencyReport.AgentReport> agents, List<ConsistencyReport.FileReport> files, Totals totals) {

    public MigrationReport {
        actions = List.copyOf(actions);
        agents = List.copyOf(agents);
        files = List.copyOf(files);
    }

    /** The actions, the findings and the files migration itself could not handle (listed first). */
    static MigrationReport of(boolean dryRun, List<MigrationAction> actions,
            List<ConsistencyReport.FileReport> migrationFiles, ConsistencyReport findings) {
        List<ConsistencyReport.FileReport> files = new ArrayList<>(migrationFiles);
        files.addAll(findings.files());
        ConsistencyReport all = ConsistencyReport.of(findings.checkedAt(), findings.agents(), files);
        return new MigrationReport(dryRun, all.checkedAt(), actions, all.agents(), all.files(), new Totals(
                actions.size(), all.agents().size(), all.totals().errors(), all.totals().warnings()));
    }

    /** Counts over the report. */
    @JsonPropertyOrder({ "actions", "agents_with_findings", "errors", "warnings" })
    public record Totals(int actions, int agentsWithFindings, long errors, long warnings) {
    }
}
