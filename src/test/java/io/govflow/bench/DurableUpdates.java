package io.govflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1 (durable update throughput and latency) and scenario 7 (checkpoint lag while it runs, time of the
 * graceful shutdown after it), on a fresh data directory whose agents are registered through the API.
 */
final class DurableUpdates {

    static final String S1 = "1 durable updates";
    static final String S7 = "7 checkpoint lag";
    private static final double P50_GOAL_MS = 2;
    private static final double THROUGHPUT_GOAL = 5000;
    private static final double OPEN_P99_GOAL_MS = 20;

    private DurableUpdates() {
    }

    /** Runs both scenarios; returns the 64-client phase, the reference of scenario 2. */
    static PhaseResult run(BenchContext ctx, Samples fsync) {
        Results results = ctx.results();
        Path data = ctx.dataDir("durable");
        Service service = ctx.service("durable", data, List.of(), List.of());
        Ledger ledger = new Ledger();
        CheckpointReader checkpoints = new CheckpointReader(data);
        try {
            service.start();
            UpdatePhases.Agents agents;
            try (Api api = new Api(service)) {
                agents = UpdatePhases.register(api, ledger);
            }
            LagSampler sampler = LagSampler.start(checkpoints, agents.ids(), ctx.sizes().lagInterval());
            UpdatePhases.Figures f = UpdatePhases.run(ctx, service, agents, ledger, "durable");
            CheckpointReader.Lag lag = sampler.stop();
            Ledger.LineCheck lines = ledger.check(data, 0);
            double shutdown = service.stop();
            Ledger.LineCheck afterShutdown = ledger.check(data, 0);
            long atLogs = checkpoints.agentsAtTheirLogs(agents.ids());

            double fsyncP50 = fsync.percentileMillis(0.5);
            results.add(Row.goal(S1, "1 client, 1 agent", Rows.phase(f.one()),
                    "p50 < 2 ms (fdatasync p50 " + Format.ms(fsyncP50) + ")", f.one().p50() < P50_GOAL_MS,
                    Map.of("phase", f.one().name(), "fdatasync_p50_ms", fsyncP50,
                            "fdatasync_p99_ms", fsync.percentileMillis(0.99))));
            results.add(Rows.reported(S1, "8 clients, 8 agents", f.eight()));
            results.add(Row.goal(S1, "64 clients, 64 agents", Rows.phase(f.wide()), "≥ 5 000/s",
                    f.wide().updatesPerSecond() >= THROUGHPUT_GOAL, Map.of("phase", f.wide().name())));
            results.add(Rows.reported(S1, "8 clients, 1 agent", f.sharedEight()));
            results.add(Row.goal(S1, "open loop, " + Format.rate(ctx.sizes().openRate()) + " offered, 64 agents",
                    Rows.openLoop(f.open()), "p99 < 20 ms",
                    f.open().notSent() == 0 && f.open().p99() < OPEN_P99_GOAL_MS, Map.of("phase", f.open().name())));
            results.add(Rows.lineCheck(S1, "log lines on disk == 2xx answers", lines));
            results.add(Rows.lineCheck(S1, "log lines == 2xx after the graceful shutdown", afterShutdown));
            results.add(Rows.cpu(S1, "CPU during 64 clients: service / driver / other processes", f.wide()));
            results.add(Row.reported(S1, "HTTP ceiling: 64 clients, GET /actuator/health/liveness (no store)",
                    Rows.phase(f.httpCeiling()) + "; CPU " + Rows.cores(f.httpCeiling()),
                    Map.of("phase", f.httpCeiling().name())));

            results.add(Row.reported(S7, "largest lag seen during scenario 1", lagValue(lag, ctx.sizes()),
                    Map.of("state_lines", lag.stateLines(), "state_seconds", lag.stateSeconds(),
                            "metadata_lines", lag.metadataLines(), "metadata_seconds", lag.metadataSeconds(),
                            "samples", sampler.samples())));
            results.add(Row.reported(S7, "graceful shutdown after scenario 1 (SIGTERM → exit)",
                    Format.seconds(shutdown), Map.of("seconds", shutdown)));
            int agentCount = agents.ids().size();
            results.add(Row.goal(S7, "checkpoints at their logs after the graceful shutdown",
                    atLogs + " of " + agentCount + " agents", "all", atLogs == agentCount,
                    Map.of("agents_at_logs", atLogs, "agents", agentCount)));
            return f.wide();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    private static String lagValue(CheckpointReader.Lag lag, Sizes sizes) {
        return lag.lines() + (lag.lines() == 1 ? " line, " : " lines, ") + Format.seconds(lag.seconds()) + " (state files " + lag.stateLines()
                + " / " + Format.seconds(lag.stateSeconds()) + ", metadata " + lag.metadataLines() + " / "
                + Format.seconds(lag.metadataSeconds()) + "; sampled every " + sizes.lagInterval().toMillis()
                + " ms, an update between its log append and its checkpoints counts)";
    }
}
