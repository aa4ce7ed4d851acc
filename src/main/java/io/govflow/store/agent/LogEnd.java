package io.govflow.store.agent;

import org.jspecify.annotations.Nullable;

/**
 * Where an update log ends: its last committed entry (null: none), the length up to and including its last good
 * line, and the bytes after it (a torn append). {@link #NONE} when there is no log.
 */
public record LogEnd(@Nullable UpdateLogEntry last, long goodLength, long tornBytes) {

    public static final LogEnd NONE = new LogEnd(null, 0, 0);

    public long lastSeq() {
        return last == null ? 0 : last.seq();
    }
}
