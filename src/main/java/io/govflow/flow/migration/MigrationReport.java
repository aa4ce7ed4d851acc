package io.govflow.flow.migration;

import java.util.List;

/**
 * What a migration run did (or would do) and what it found.
 *
 * @param agents agents with at least one finding, by id
 * @param files  files that could not be migrated, by path
 */
public record MigrationReport(boolean dryRun, String checkedAt, List<MigrationAction> actions,
        List<AgentFinding> agents, List<FileFinding> files) {

    public MigrationReport {
        actions = List.copyOf(actions);
        agents = List.copyOf(agents);
        files = List.copyOf(files);
    }

    public long errors() {
        return count(true);
    }

    public long warnings() {
        return count(false);
    }

    private long count(boolean errors) {
        long fromAgents = agents.stream().flatMap(a -> a.problems().stream()).filter(p -> p.isError() == errors)
                .count();
        long fromFiles = files.stream().flatMap(f -> f.problems().stream()).filter(p -> p.isError() == errors)
                .count();
        return fromAgents + fromFiles;
    }
}
