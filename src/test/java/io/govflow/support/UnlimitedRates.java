package io.govflow.support;

import java.util.List;

/**
 * Arguments that lift every rate limit and quota out of reach, passed by the test applications before a class's
 * own arguments: suites on loopback share one client address and would otherwise meet the per-address limits
 * meant for the open internet. Classes that test a limit set it again in their own arguments (later ones win).
 */
public final class UnlimitedRates {

    private static final String HIGH = "1000000";

    public static final List<String> ARGS = List.of(
            "--govflow.limits.requests.capacity=" + HIGH,
            "--govflow.limits.registration.capacity=" + HIGH,
            "--govflow.limits.failed-authentications.capacity=" + HIGH,
            "--govflow.limits.context-writes.capacity=" + HIGH,
            "--govflow.limits.exports.capacity=" + HIGH,
            "--govflow.limits.review-sessions.capacity=" + HIGH,
            "--govflow.limits.discoveries.capacity=" + HIGH,
            "--govflow.limits.charts.capacity=" + HIGH,
            "--govflow.limits.export-files-per-agent=" + HIGH);

    private UnlimitedRates() {
    }

    /**
     * {@link #ARGS} without the properties {@code extraArgs} sets itself: a property given twice on the command
     * line would be bound as a comma-separated list, not the later value.
     */
    public static List<String> except(List<String> extraArgs) {
        return ARGS.stream().filter(arg -> extraArgs.stream().noneMatch(extra -> extra.startsWith(key(arg) + "=")))
                .toList();
    }

    private static String key(String arg) {
        return arg.substring(0, arg.indexOf('='));
    }
}
