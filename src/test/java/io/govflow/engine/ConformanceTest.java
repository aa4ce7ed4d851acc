package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;

/**
 * Replays every step of every golden sequence through the engine (fresh state per sequence, or the sequence's
 * initial state file) and compares every number to 1e-9 and every label exactly. One dynamic test per sequence;
 * a final test per file checks that all steps were compared.
 */
class ConformanceTest {

    private static final int WINDOW = 1000;
    private static final Instant START = Instant.parse("2025-12-01T10:00:00Z");
    private static final List<String> REPORT = new ArrayList<>();
    private static double overallMaxAbsError;

    private final GovernanceEngine engine = new GovernanceEngine();

    @TestFactory
    List<DynamicNode> goldenA() {
        return replayFile("dynamics-golden-a");
    }

    @TestFactory
    List<DynamicNode> goldenLong() {
        return replayFile("dynamics-golden-long");
    }

    @TestFactory
    List<DynamicNode> goldenEdge() {
        return replayFile("dynamics-golden-edge");
    }

    @AfterAll
    static void printReport() {
        REPORT.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "conformance: max abs error over all compared numbers %.3e%n", overallMaxAbsError);
    }

    private List<DynamicNode> replayFile(String name) {
        JsonNode sequences = ConformanceVectors.load(name).get("sequences");
        int totalSteps = 0;
        for (JsonNode sequence : sequences.values()) {
            totalSteps += sequence.get("steps").size();
        }
        AtomicLong compared = new AtomicLong();
        double[] fileMaxError = {0.0};
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode sequence : sequences.values()) {
            String agent = sequence.get("agent_id").asString();
            tests.add(dynamicTest(name + " / " + agent,
                    () -> replaySequence(sequence, compared, error -> fileMaxError[0] = Math.max(fileMaxError[0], error))));
        }
        int expectedSteps = totalSteps;
        tests.add(dynamicTest(name + ": all " + expectedSteps + " steps compared", () -> {
            REPORT.add(String.format(Locale.ROOT, "%s: compared %d of %d steps, max abs error %.3e",
                    name, compared.get(), expectedSteps, fileMaxError[0]));
            assertThat(compared.get()).isPositive().isEqualTo(expectedSteps);
        }));
        return tests;
    }

    private void replaySequence(JsonNode sequence, AtomicLong compared, DoubleConsumer errorSink) {
        GovernanceState state = sequence.has("initial_state_file")
                ? ReferenceStateFile.load(sequence.get("initial_state_file"), WINDOW)
                : GovernanceState.fresh(WINDOW);
        JsonNode steps = sequence.get("steps");
        for (int index = 0; index < steps.size(); index++) {
            JsonNode step = steps.get(index);
            UpdateResult result = engine.process(state, ConformanceVectors.input(step), Thresholds.DEFAULTS,
                    START.plusSeconds(index).toString());
            GoldenStepCheck check = new GoldenStepCheck(step.get("output"), result);
            errorSink.accept(check.maxAbsError());
            recordError(check.maxAbsError());
            assertThat(check.mismatches())
                    .as("%s, step %d of %d", sequence.get("agent_id").asString(), index + 1, steps.size())
                    .isEmpty();
            compared.incrementAndGet();
        }
    }

    private static synchronized void recordError(double error) {
        overallMaxAbsError = Math.max(overallMaxAbsError, error);
    }
}
