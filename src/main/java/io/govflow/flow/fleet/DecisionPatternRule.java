package io.govflow.flow.fleet;

import java.util.Optional;

/**
 * When an agent's decisions changed pattern: the share of {@code pause} decisions among its last {@link #RECENT}
 * updates is compared with the share among up to {@link #EARLIER} updates before them. It fires when there are at
 * least {@link #MIN_EARLIER} earlier decisions and the two shares differ by {@link #MIN_CHANGE} or more (for
 * example 1 pause in the 40 before, 6 in the last 10: 0.025 → 0.6).
 */
final class DecisionPatternRule {

    static final int RECENT = 10;
    static final int EARLIER = 40;
    static final int MIN_EARLIER = 20;
    static final double MIN_CHANGE = 0.5;

    private DecisionPatternRule() {
    }

    /** The two shares and how many decisions each is over. */
    record PatternChange(double recentPauseShare, double earlierPauseShare, int recent, int earlier) {

        double change() {
            return recentPauseShare - earlierPauseShare;
        }
    }

    /** @param pauses the window's decisions in order, true for a pause */
    static Optional<PatternChange> check(boolean[] pauses) {
        int earlier = Math.min(EARLIER, pauses.length - RECENT);
        if (earlier < MIN_EARLIER) {
            return Optional.empty();
        }
        int start = pauses.length - RECENT - earlier;
        double earlierShare = share(pauses, start, start + earlier);
        double recentShare = share(pauses, pauses.length - RECENT, pauses.length);
        PatternChange change = new PatternChange(recentShare, earlierShare, RECENT, earlier);
        return Math.abs(change.change()) >= MIN_CHANGE ? Optional.of(change) : Optional.empty();
    }

    private static double share(boolean[] pauses, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (pauses[k]) {
                count++;
            }
        }
        return (double) count / (to - from);
    }
}
