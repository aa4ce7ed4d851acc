package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Percent} gives the texts the formatter-based version gave, value for value. */
class PercentTest {

    private static final Logger log = LoggerFactory.getLogger(PercentTest.class);

    @Test
    void matchesTheFormatterOnEdgesAndOnRandomValues() {
        double[] edges = { 0, -0.0, 1, 0.35, 0.437616, 0.1, 0.10005, 0.00005, 0.000049, 0.012345, 0.0125, 0.0135,
            0.9999, 0.99995, 1.5, -0.001, -0.00001, -0.35, 1e-12, 123.456789, 0.285, 0.615, 2.675 / 100 };
        for (double edge : edges) {
            assertThat(Percent.of(edge)).as("%s", edge).isEqualTo(reference(edge));
        }
        long seed = Long.getLong("percent.seed", System.nanoTime());
        log.info("percent.seed={}", seed);
        Random random = new Random(seed);
        for (int n = 0; n < 200_000; n++) {
            double value = switch (n % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Math.round(random.nextDouble() * 100_000) / 10_000_000.0 + 0.00005;
                case 2 -> (random.nextDouble() - 0.5) * 4;
                default -> Math.round(random.nextDouble() * 1000) / 100_000.0;
            };
            assertThat(Percent.of(value)).as("%s (percent.seed=%s)", value, seed).isEqualTo(reference(value));
        }
    }

    /** The former implementation, kept here as the reference. */
    private static String reference(double fraction) {
        String fixed = String.format(Locale.ROOT, "%.2f", fraction * 100.0);
        if (fixed.contains(".")) {
            fixed = fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return fixed + "%";
    }
}
