package io.govflow.bench;

import java.util.Map;

/** Table cells for the recurring kinds of figure. */
final class Rows {

    private Rows() {
    }

    /** {@code 203/s, p50 4.30 ms, p99 15.6 ms}, then the errors if there were any. */
    static String phase(PhaseResult p) {
        String value = Format.rate(p.updatesPerSecond()) + ", p50 " + Format.ms(p.p50()) + ", p99 "
                + Format.ms(p.p99());
        return p.errors() == 0 ? value : value + "; " + p.errorSummary();
    }

    static Row reported(String scenario, String figure, PhaseResult p) {
        return Row.reported(scenario, figure, phase(p), Map.of("phase", p.name()));
    }

    /** The open loop's p99; with requests cut off unsent it is a lower bound and says so. */
    static String openLoop(PhaseResult p) {
        String bound = p.notSent() > 0 ? "≥ " : "";
        String value = "p99 " + bound + Format.ms(p.p99()) + " (p50 " + bound + Format.ms(p.p50()) + ", answered "
                + Format.rate(p.updatesPerSecond());
        if (p.notSent() > 0) {
            value += ", " + Format.count(p.notSent()) + " not sent by the cut-off";
        }
        value += ")";
        return p.errors() == 0 ? value : value + "; " + p.errorSummary();
    }

    static Row lineCheck(String scenario, String figure, Ledger.LineCheck check) {
        String relation = check.inFlightAllowance() == 0 ? " == " : " ≥ ";
        String value = Format.count(check.onDisk()) + relation + Format.count(check.expected()) + " ("
                + check.agents() + " agents"
                + (check.passed() ? "" : "; mismatches: " + String.join(", ", check.mismatches().stream()
                        .limit(5).toList()) + (check.mismatches().size() > 5 ? ", …" : ""))
                + (check.committedErrors() == 0 ? "" : "; " + Format.count(check.committedErrors())
                        + " error answers said committed: true")
                + ")";
        String goal = check.inFlightAllowance() == 0 ? "equal"
                : "every 2xx on disk, ≤ " + check.inFlightAllowance() + " more per agent";
        return new Row(scenario, figure, value, goal, check.passed() ? Row.Met.CHECK_PASSED : Row.Met.CHECK_FAILED,
                Map.of("lines_on_disk", check.onDisk(), "lines_expected", check.expected(), "agents", check.agents(),
                        "committed_error_answers", check.committedErrors(), "mismatches", check.mismatches()));
    }

    /** {@code service / driver / other processes} in cores. */
    static String cores(PhaseResult p) {
        return cores(new double[] { p.serverCores(), p.driverCores(), p.otherCores() });
    }

    static String cores(double[] cores) {
        return Format.cores(cores[0]) + " / " + Format.cores(cores[1]) + " / " + Format.cores(cores[2]);
    }

    static Row cpu(String scenario, String figure, PhaseResult p) {
        return Row.reported(scenario, figure, cores(p) + " cores of " + Runtime.getRuntime().availableProcessors(),
                Map.of("phase", p.name(), "service_cores", p.serverCores(), "driver_cores", p.driverCores(),
                        "other_cores", p.otherCores()));
    }

    /** The benchmark's own generated data must be accepted: any consistency error fails the run. */
    static Row consistency(String scenario, String figure, Api.Consistency report) {
        return new Row(scenario, figure, report.toString(), "0 errors",
                report.errors() == 0 ? Row.Met.CHECK_PASSED : Row.Met.CHECK_FAILED,
                Map.of("agents", report.agents(), "errors", report.errors(), "warnings", report.warnings()));
    }
}
