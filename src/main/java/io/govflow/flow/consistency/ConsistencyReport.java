package io.govflow.flow.consistency;

import java.util.List;

import io.govflow.store.check.Problem;

/** The consistency report: per agent and per stray file, with totals. {@code ok} means no error. */
public record ConsistencyReport(String checkedAt, List<AgentReport> agents, List<FileReport> files, Totals totals) {

    public static ConsistencyReport of(String checkedAt, List<AgentReport> agents, List<FileReport> files) {
        long ok = agents.stream().filter(AgentReport::ok).count();
        long errors = count(agents, files, true);
        long warnings = count(agents, files, false);
        return new ConsistencyReport(checkedAt, List.copyOf(agents), List.copyOf(files),
                new Totals(agents.size(), ok, errors, warnings));
    }

    /**
     * The part a migration report shows: per agent only what a reference data directory did not keep
     * ({@code STATE_MISSING}, {@code ORPHAN_STATE}, {@code ORPHAN_LOG}, {@code HISTORY_INCOMPLETE}) and agent files
     * that cannot be read, fields read leniently ({@code LEGACY_FIELD_TYPE}), agents without such a finding left out;
     * files only with their errors and lenient fields.
     */
    public ConsistencyReport referenceDataFindings() {
        List<AgentReport> found = agents.stream()
                .map(a -> AgentReport.of(a.agentId(), a.problems().stream()
                        .filter(p -> ConsistencyCodes.REFERENCE_DATA.contains(p.code())).toList()))
                .filter(a -> !a.problems().isEmpty()).toList();
        List<FileReport> damaged = files.stream()
                .map(f -> new FileReport(f.file(), f.problems().stream().filter(p -> p.isError()
                        || ConsistencyCodes.REFERENCE_DATA.contains(p.code())).toList()))
                .filter(f -> !f.problems().isEmpty()).toList();
        return of(checkedAt, found, damaged);
    }

    private static long count(List<AgentReport> agents, List<FileReport> files, boolean errors) {
        return agents.stream().flatMap(a -> a.problems().stream()).filter(p -> p.isError() == errors).count()
                + files.stream().flatMap(f -> f.problems().stream()).filter(p -> p.isError() == errors).count();
    }

    /** One agent (registered, or known only from its files). */
    public record AgentReport(String agentId, boolean ok, List<Problem> problems) {
        static AgentReport of(String agentId, List<Problem> problems) {
            return new AgentReport(agentId, problems.stream().noneMatch(Problem::isError), List.copyOf(problems));
        }
    }

    /** A file that belongs to no agent's check (metadata file, lock, temp and legacy files). */
    public record FileReport(String file, List<Problem> problems) {
    }

    /**
     * @param agents agents checked
     * @param ok agents without an error
     * @param errors problems of severity error (agents and files)
     * @param warnings problems of severity warning (agents and files)
     */
    public record Totals(long agents, long ok, long errors, long warnings) {
    }
}
