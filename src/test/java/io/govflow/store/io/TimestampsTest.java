package io.govflow.store.io;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @Test
    void dataTimestampsAreUtcWithSixFractionDigits() {
        Clock clock = Clock.fixed(Instant.parse("2025-12-01T15:12:45.5Z"), ZoneId.of("Europe/Berlin"));

        assertThat(Timestamps.now(clock)).isEqualTo("2025-12-01T15:12:45.500000");
        assertThat(Timestamps.format(Instant.parse("2025-12-01T15:12:45.585896123Z")))
                .isEqualTo("2025-12-01T15:12:45.585896");
    }

    @Test
    void fileStampsAreUtcSeconds() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05.999Z"), ZoneId.of("Asia/Tokyo"));

        assertThat(Timestamps.fileStamp(clock)).isEqualTo("20250102_030405");
    }
}
