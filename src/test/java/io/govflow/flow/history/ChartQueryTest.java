package io.govflow.flow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

class ChartQueryTest {

    @Test
    void defaultsAreEisvAndTheLastThousand() {
        ChartQuery query = ChartQuery.parse(null, null);

        assertThat(query.metrics()).containsExactly(ChartMetric.E, ChartMetric.I, ChartMetric.S, ChartMetric.V);
        assertThat(query.last()).isEqualTo(1000);
    }

    @Test
    void keepsTheOrderAskedFor() {
        ChartQuery query = ChartQuery.parse("lambda1,coherence, E", "10000");

        assertThat(query.metrics()).containsExactly(ChartMetric.LAMBDA1, ChartMetric.COHERENCE, ChartMetric.E);
        assertThat(query.last()).isEqualTo(10_000);
        assertThat(ChartQuery.parse("attention_score", "1").last()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", "E,", "X", "E,E", "e", "attention", "E;I",
            "E,I,S,V,attention_score,coherence,lambda1,E"})
    void refusesBadMetrics(String metrics) {
        assertThatThrownBy(() -> ChartQuery.parse(metrics, null)).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+5", "10001", "99999", "123456", "1.0", "1e3", "0x10", " 5", "abc"})
    void refusesBadLast(String last) {
        assertThatThrownBy(() -> ChartQuery.parse(null, last)).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesOverlongMetricsBeforeSplittingThem() {
        assertThatThrownBy(() -> ChartQuery.parse("E,".repeat(100_000), null))
                .isInstanceOfSatisfying(GovflowException.class,
                        e -> assertThat(e.details().toString()).contains("longer than"));
    }
}
