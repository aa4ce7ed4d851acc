package io.govflow.bench;

import java.util.Map;

/**
 * One line of the table.
 *
 * @param value what was measured, as printed
 * @param goal the spec's goal, or "—" when the figure is only reported
 * @param data the same figures as numbers, for the JSON file
 */
record Row(String scenario, String figure, String value, String goal, Met met, Map<String, Object> data) {

    Row {
        data = Map.copyOf(data);
    }

    static Row reported(String scenario, String figure, String value, Map<String, Object> data) {
        return new Row(scenario, figure, value, "—", Met.NO_GOAL, data);
    }

    static Row goal(String scenario, String figure, String value, String goal, boolean met,
            Map<String, Object> data) {
        return new Row(scenario, figure, value, goal, met ? Met.YES : Met.NO, data);
    }

    /** Whether a goal was met; a check that fails makes the benchmark fail, a missed goal never does. */
    enum Met {
        YES("yes"), NO("NO"), NO_GOAL("—"), NOT_AVAILABLE("n/a"), CHECK_PASSED("ok"), CHECK_FAILED("FAILED");

        private final String label;

        Met(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
