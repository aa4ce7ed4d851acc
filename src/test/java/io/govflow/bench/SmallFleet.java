package io.govflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3 (history-length independence) and the small-fleet half of scenario 4, in one service on a copy of the
 * small generated data set (10 agents, one of them with the long history).
 */
final class SmallFleet {

    static final String S3 = "3 history length";
    static final String S4 = "4 agent count";
    private static final double RATIO_GOAL = 1.3;
    private static final int WIDE = 64;

    private SmallFleet() {
    }

    /** The small fleet's reference figures for the large fleet. */
    record Figures(int registered, PhaseResult oneClient, PhaseResult wide, int wideRegistered) {
    }

    static Figures run(BenchContext ctx, DataSets.Generated small) {
        Results results = ctx.results();
        Sizes sizes = ctx.sizes();
        Path data = small.copyTo(ctx.dataDir("small-fleet"));
        Service service = ctx.service("small-fleet", data, List.of(), List.of());
        Ledger ledger = new Ledger();
        small.expectAll(ledger);
        try {
            service.start();
            int port = service.port();
            ProcessHandle server = service.handle();
            try (Api api = new Api(service)) {
                results.add(Rows.consistency(S4, "generated data accepted (consistency report, all agents)",
                        api.consistency(null)));
                List<Agent> fleet = small.agents().stream().filter(a -> a.id().startsWith("fleet_")).toList();
                results.add(ClosedLoop.run("small fleet: warm-up", port, fleet.subList(1, fleet.size()),
                        sizes.warmUp(), ledger, server));
                PhaseResult one = results.add(ClosedLoop.run("small fleet: 1 client, " + small.agents().size()
                        + " agents", port, List.of(fleet.get(0)), sizes.phase(), ledger, server));
                int registered = small.agents().size();

                Agent fresh = api.register("fresh_0");
                ledger.expect(fresh.id(), 0);
                Agent history = small.agent("history_0");
                List<PhaseResult> pair = ClosedLoop.alternating(List.of("history: fresh agent (alternating)",
                        "history: agent with " + sizes.historyLines() + " prior updates (alternating)"), port,
                        List.of(fresh, history), sizes.phase().multipliedBy(2), ledger, server);
                pair.forEach(results::add);
                PhaseResult freshPhase = pair.get(0);
                PhaseResult longPhase = pair.get(1);
                double ratio = longPhase.p50() / freshPhase.p50();
                String figure = "p50 with " + Format.count(sizes.historyLines())
                        + " prior updates ÷ p50 of a fresh agent (1 client alternating)";
                String value = Format.ratio(ratio) + " (" + Format.ms(longPhase.p50()) + " ÷ "
                        + Format.ms(freshPhase.p50()) + ")";
                results.add(Row.goal(S3, figure, value, "≤ 1.3", ratio <= RATIO_GOAL, Map.of("ratio", ratio,
                        "long_history_phase", longPhase.name(), "fresh_phase", freshPhase.name())));

                List<Agent> wide = new ArrayList<>(fleet);
                wide.add(fresh);
                List<Agent> extra = api.register("extra_", WIDE - wide.size());
                extra.forEach(a -> ledger.expect(a.id(), 0));
                wide.addAll(extra);
                int wideRegistered = registered + 1 + extra.size();
                results.add(ClosedLoop.run("small fleet: warm-up, 64 clients", port, wide, sizes.warmUp(), ledger,
                        server));
                PhaseResult widePhase = results.add(ClosedLoop.run("small fleet: 64 clients, 64 of "
                        + wideRegistered + " agents", port, wide, sizes.phase(), ledger, server));
                results.add(Rows.lineCheck(S3, "log lines on disk == generated + 2xx (scenarios 3, 4 small)",
                        ledger.check(data, 0)));
                service.stop();
                return new Figures(registered, one, widePhase, wideRegistered);
            }
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }
}
