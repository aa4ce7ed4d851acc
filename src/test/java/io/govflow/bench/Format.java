package io.govflow.bench;

import java.util.Locale;

/** Numbers as the table prints them. */
final class Format {

    private Format() {
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds >= 10 ? "%.1f s" : "%.2f s", seconds);
    }

    /** An integer with a space between thousands, as the spec writes them (5 000). */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value)).replace(',', ' ');
    }

    static String rate(double perSecond) {
        return count(perSecond) + "/s";
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    static String cores(double cores) {
        return Double.isNaN(cores) ? "?" : String.format(Locale.ROOT, "%.2f", cores);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
