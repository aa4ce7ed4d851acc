package io.govflow.flow.fleet;

import java.time.Instant;

/** Updates committed in the minute starting at {@code minute}. */
public record MinuteCount(Instant minute, long updates) {
}
