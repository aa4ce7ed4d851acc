package io.govflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The large-fleet half of scenario 4 and scenario 6 (start-up), in one service on the large generated data set:
 * figures against the small fleet's, then a graceful shutdown and a timed start, then a SIGKILL under load and a
 * timed start (roll-forward), after which every acknowledged update must still be in its log.
 */
final class LargeFleet {

    static final String S6 = "6 start-up";
    private static final double P50_RATIO_GOAL = 1.3;
    private static final double THROUGHPUT_RATIO_GOAL = 0.8;
    private static final double READY_GOAL_SECONDS = 10;
    private static final int WIDE = 64;
    private static final int SAMPLED = 10;

    private LargeFleet() {
    }

    static void run(BenchContext ctx, DataSets.Generated large, SmallFleet.Figures small) {
        Results results = ctx.results();
        Sizes sizes = ctx.sizes();
        Path data = large.template();
        Service service = ctx.service("large-fleet", data, List.of(), List.of());
        Ledger ledger = new Ledger();
        large.expectAll(ledger);
        List<Agent> fleet = large.agents();
        int n = fleet.size();
        try {
            double firstStart = service.start();
            double[] firstStartCores = service.startCores();
            int port = service.port();
            try (Api api = new Api(service)) {
                Api.Consistency sampled = new Api.Consistency(0, 0, 0);
                for (Agent agent : fleet.subList(0, SAMPLED)) {
                    sampled = sampled.plus(api.consistency(agent.id()));
                }
                results.add(Rows.consistency(SmallFleet.S4, "generated data accepted (consistency report, "
                        + SAMPLED + " of " + Format.count(n) + " agents)", sampled));
            }
            results.add(ClosedLoop.run("large fleet: warm-up", port, fleet.subList(2, 10), sizes.warmUp(), ledger,
                    service.handle()));
            PhaseResult one = results.add(ClosedLoop.run("large fleet: 1 client, " + n + " agents", port,
                    List.of(fleet.get(1)), sizes.phase(), ledger, service.handle()));
            List<Agent> wide = fleet.subList(1, 1 + WIDE);
            results.add(ClosedLoop.run("large fleet: warm-up, 64 clients", port, wide, sizes.warmUp(), ledger,
                    service.handle()));
            PhaseResult widePhase = results.add(ClosedLoop.run("large fleet: 64 clients, 64 of " + n + " agents",
                    port, wide, sizes.phase(), ledger, service.handle()));
            agentCountRows(results, n, small, one, widePhase);

            double shutdown = service.stop();
            Ledger.LineCheck all = ledger.check(data, 0);
            results.add(Rows.lineCheck(SmallFleet.S4, "log lines on disk == generated + 2xx (large fleet, all "
                    + "agents)", all));
            double ready = service.start();
            results.add(Row.reported(S6, "ready on the freshly generated data (first start)",
                    startValue(firstStart, firstStartCores), Map.of("seconds", firstStart)));
            results.add(Row.reported(S6, "graceful shutdown after 64 clients, " + Format.count(n) + " agents",
                    Format.seconds(shutdown), Map.of("seconds", shutdown)));
            results.add(Row.goal(S6, "ready after a graceful shutdown, " + Format.count(n) + " agents, "
                    + Format.count(all.onDisk()) + " log lines", startValue(ready, service.startCores()), "< 10 s",
                    ready < READY_GOAL_SECONDS, Map.of("seconds", ready, "agents", n, "log_lines", all.onDisk())));
            killUnderLoad(ctx, service, fleet.subList(1 + WIDE, 1 + 2 * WIDE), ledger);
            service.stop();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    /** Seconds to readiness, and the CPU meanwhile: a start is as slow as the cores it gets. */
    private static String startValue(double seconds, double[] cores) {
        return Format.seconds(seconds) + " (CPU service / driver / other processes " + Rows.cores(cores) + ")";
    }

    private static void agentCountRows(Results results, int n, SmallFleet.Figures small, PhaseResult one,
            PhaseResult wide) {
        double p50Ratio = one.p50() / small.oneClient().p50();
        results.add(Row.goal(SmallFleet.S4, "1 client p50: " + Format.count(n) + " agents ÷ " + small.registered(),
                Format.ratio(p50Ratio) + " (" + Format.ms(one.p50()) + " ÷ " + Format.ms(small.oneClient().p50())
                        + ")", "≤ 1.3", p50Ratio <= P50_RATIO_GOAL,
                Map.of("ratio", p50Ratio, "large_phase", one.name(), "small_phase", small.oneClient().name())));
        double throughputRatio = wide.updatesPerSecond() / small.wide().updatesPerSecond();
        results.add(Row.goal(SmallFleet.S4, "64 clients updates/s: " + Format.count(n) + " agents ÷ "
                + small.wideRegistered(), Format.ratio(throughputRatio) + " (" + Rows.phase(wide) + " ÷ "
                        + Rows.phase(small.wide()) + ")", "≥ 0.8", throughputRatio >= THROUGHPUT_RATIO_GOAL,
                Map.of("ratio", throughputRatio, "large_phase", wide.name(), "small_phase", small.wide().name())));
    }

    private static void killUnderLoad(BenchContext ctx, Service service, List<Agent> agents, Ledger ledger) {
        Results results = ctx.results();
        ClosedLoop load = ClosedLoop.start("start-up: 64 clients until SIGKILL", service.port(), agents, ledger,
                service.handle());
        Sleep.nanos(ctx.sizes().killAfter().toNanos());
        service.kill();
        results.add(load.stop());
        double ready = service.start();
        results.add(Row.reported(S6, "ready after a SIGKILL under load (roll-forward)",
                startValue(ready, service.startCores()), Map.of("seconds", ready)));
        List<String> ids = agents.stream().map(Agent::id).toList();
        results.add(Rows.lineCheck(S6, "acknowledged updates on disk after the SIGKILL",
                ledger.check(service.dataDir(), ids, 1)));
        Api.Consistency after = new Api.Consistency(0, 0, 0);
        try (Api api = new Api(service)) {
            for (String id : ids) {
                after = after.plus(api.consistency(id));
            }
        }
        results.add(Row.goal(S6, "consistency after the restart (the " + ids.size() + " agents under load)",
                after.toString(), "0 errors", after.errors() == 0,
                Map.of("agents", after.agents(), "errors", after.errors(), "warnings", after.warnings())));
    }
}
