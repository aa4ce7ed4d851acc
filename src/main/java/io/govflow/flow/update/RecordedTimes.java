package io.govflow.flow.update;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the naive timestamps found in data files as instants. Ours are UTC; the reference wrote local time,
 * which is read in {@code govflow.migration.source-zone} (UTC by default).
 */
@Component
public class RecordedTimes {

    private final ZoneId sourceZone;

    public RecordedTimes(GovflowProperties properties) {
        this.sourceZone = ZoneId.of(properties.migration().sourceZone());
    }

    public Optional<Instant> parse(String timestamp) {
        try {
            return Optional.of(LocalDateTime.parse(timestamp).atZone(sourceZone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
