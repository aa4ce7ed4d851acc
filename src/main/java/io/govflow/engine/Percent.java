package io.govflow.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Formats a fraction as a percentage with at most two decimals: 0.35 → "35%", 0.437616 → "43.76%". */
final class Percent {

    private Percent() {
    }

    /**
     * The value of {@code String.format("%.2f", fraction * 100)} (round half up on the shortest decimal form of the
     * double) without its trailing zeros; built without a formatter or regular expressions, which dominated the
     * cost of an update's texts.
     */
    static String of(double fraction) {
        double percent = fraction * 100.0;
        if (Double.isNaN(percent) || Double.isInfinite(percent)) {
            return String.format(Locale.ROOT, "%.2f", percent) + "%";
        }
        String digits = BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return (percent < 0 || (percent == 0 && 1 / percent < 0) ? negative(digits) : digits) + "%";
    }

    /** {@code %.2f} keeps the sign of a negative value that rounds to zero ("-0.00" → "-0"). */
    private static String negative(String digits) {
        return digits.startsWith("-") ? digits : "-" + digits;
    }
}
