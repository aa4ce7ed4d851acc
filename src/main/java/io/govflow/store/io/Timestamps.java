package io.govflow.store.io;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Timestamps as the data files hold them: UTC, no zone suffix, always six fraction digits
 * ({@code 2025-12-01T15:12:45.585896}); and as file names hold them ({@code 20251201_151245}).
 */
public final class Timestamps {

    private static final DateTimeFormatter DATA = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE = DateTimeFormatter
            .ofPattern("yyyyMMdd_HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static String format(Instant instant) {
        return DATA.format(instant);
    }

    public static String fileStamp(Clock clock) {
        return FILE.format(clock.instant());
    }
}
