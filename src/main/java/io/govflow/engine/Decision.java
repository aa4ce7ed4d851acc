package io.govflow.engine;

import org.jspecify.annotations.Nullable;

/**
 * What the agent should do next.
 *
 * @param action         {@link #PROCEED} or {@link #PAUSE}
 * @param reason         why, in one sentence
 * @param guidance       a hint for the next step, or null when there is nothing to add
 * @param critical       true only for a high-risk pause whose attention reached the reject level (0.70)
 * @param verdictContext {@code "aware"} when a caution verdict with low attention still proceeds, else null
 */
public record Decision(String action, String reason, @Nullable String guidance, boolean critical,
                       @Nullable String verdictContext) {

    public static final String PROCEED = "proceed";
    public static final String PAUSE = "pause";
    public static final String AWARE = "aware";
}
