package io.govflow.flow.consistency;

import static io.govflow.flow.consistency.ConsistencyCodes.*;

import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import io.govflow.store.agent.StateFile;
import io.govflow.store.check.IsoTimestamps;
import io.govflow.store.check.Problem;

/** A state file's own shape: arrays of one length within the window, ISO timestamps, values in range. */
final class StateChecks {

    private StateChecks() {
    }

    static void check(StateFile s, int window, List<Problem> problems) {
        int n = s.VHistory().size();
        for (List<?> array : List.of(s.EHistory(), s.IHistory(), s.SHistory(), s.coherenceHistory(),
                s.riskHistory(), s.decisionHistory(), s.timestampHistory())) {
            if (array.size() != n) {
                problems.add(Problem.error(STATE_ARRAYS_LENGTH, "The state file's history arrays differ in length."));
                break;
            }
        }
        if (s.lambda1History().size() != n) {
            problems.add(Problem.warning(LAMBDA1_HISTORY_SHORT, "lambda1_history has %d entries for %d updates."
                    .formatted(s.lambda1History().size(), n)));
        }
        if (n > window) {
            problems.add(Problem.warning(STATE_WINDOW_EXCEEDED, "The state file keeps %d entries, more than the "
                    .formatted(n) + "window of %d; the next write trims it.".formatted(window)));
        }
        if (s.timestampHistory().stream().anyMatch(ts -> !IsoTimestamps.isData(ts))) {
            problems.add(Problem.error(STATE_TIMESTAMP_NOT_ISO, "timestamp_history holds a value that is not ISO 8601."));
        }
        if (!unit(s.E()) || !unit(s.I()) || !unit(s.S()) || !unit(s.coherence()) || !unit(s.lambda1())
                || !Double.isFinite(s.V())) {
            problems.add(Problem.error(STATE_VALUE_OUT_OF_RANGE, "E, I, S, coherence or lambda1 is outside [0, 1], "
                    + "or V is not finite."));
        }
        if (!allFinite(s)) {
            problems.add(Problem.error(NON_FINITE_NUMBER, "The state file holds a number that is not finite (NaN or "
                    + "Infinity): the engine cannot continue from it; repair rebuilds the state from the update log "
                    + "if the log's lines are finite."));
        }
        if (!allUnit(s.EHistory()) || !allUnit(s.IHistory()) || !allUnit(s.SHistory())
                || !allUnit(s.coherenceHistory()) || !allUnit(s.riskHistory()) || !allUnit(s.lambda1History())
                || !s.VHistory().stream().allMatch(Double::isFinite)) {
            problems.add(Problem.warning(HISTORY_VALUE_OUT_OF_RANGE, "A history array holds a value outside its "
                    + "range (the reference recorded S before resetting it)."));
        }
    }

    private static boolean allFinite(StateFile s) {
        boolean scalars = DoubleStream.of(s.E(), s.I(), s.S(), s.V(), s.coherence(), s.lambda1(), s.time(), s.C1(),
                s.eta1(), s.piIntegral()).allMatch(Double::isFinite);
        return scalars && Stream.of(s.EHistory(), s.IHistory(), s.SHistory(), s.VHistory(), s.coherenceHistory(),
                s.riskHistory(), s.lambda1History()).flatMap(List::stream).allMatch(Double::isFinite);
    }

    private static boolean unit(double value) {
        return value >= 0.0 && value <= 1.0;
    }

    private static boolean allUnit(List<Double> values) {
        return values.stream().allMatch(StateChecks::unit);
    }
}
