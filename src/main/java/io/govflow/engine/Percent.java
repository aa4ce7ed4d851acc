package io.govflow.engine;

import java.util.Locale;

/** Formats a fraction as a percentage with at most two decimals: 0.35 → "35%", 0.437616 → "43.76%". */
final class Percent {

    private Percent() {
    }

    static String of(double fraction) {
        String fixed = String.format(Locale.ROOT, "%.2f", fraction * 100.0);
        if (fixed.contains(".")) {
            fixed = fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return fixed + "%";
    }
}
