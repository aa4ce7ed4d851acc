package io.govflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.govflow.support.PostgresTestServer;

/**
 * Scenario 10 (durable updates on the PostgreSQL store: scenario 1's phases, run the same way, so the figures
 * compare side by side) and scenario 12 (two replicas of the service on that one database, the clients spread over
 * both round robin, against one replica measured just before). Both replicas share the data directory, as replicas
 * behind a load balancer share their exports.
 */
final class PostgresUpdates {

    static final String S10 = "10 PostgreSQL updates";
    static final String S12 = "12 two replicas";
    private PostgresUpdates() {
    }

    /** Returns scenario 10's 64-client phase, the reference of scenario 11. */
    static PhaseResult run(BenchContext ctx, PostgresBench pg, @Nullable PhaseResult fileStore) {
        Results results = ctx.results();
        PostgresTestServer.Database db = pg.newDatabase("bench_updates");
        Path data = ctx.dataDir("pg-replicas");
        Service first = ctx.service("pg-replica-1", data, List.of(), db.appArgs());
        Service second = ctx.service("pg-replica-2", data, List.of(), db.appArgs());
        Ledger ledger = new Ledger();
        try {
            first.start();
            UpdatePhases.Agents agents;
            try (Api api = new Api(first)) {
                agents = UpdatePhases.register(api, ledger);
            }
            UpdatePhases.Figures f = UpdatePhases.run(ctx, first, agents, ledger, "postgres");
            singleReplicaRows(results, f, fileStore);
            replicas(ctx, pg.postmaster(db), first, second, agents.wide(), ledger);
            Map<String, Long> rows = PostgresBench.logRows(db);
            results.add(Rows.lineCheck(S12, "update_log rows == 2xx answers (scenarios 10 and 12, both replicas)",
                    ledger.check(id -> rows.getOrDefault(id, 0L), 0)));
            second.stop();
            first.stop();
            return f.wide();
        } finally {
            for (Service service : List.of(first, second)) {
                if (service.alive()) {
                    service.kill();
                }
            }
        }
    }

    private static void singleReplicaRows(Results results, UpdatePhases.Figures f, @Nullable PhaseResult fileStore) {
        results.add(reported(S10, "1 client, 1 agent", f.one(), "pg-1-client"));
        results.add(reported(S10, "8 clients, 8 agents", f.eight(), "pg-8-clients"));
        results.add(reported(S10, "64 clients, 64 agents", f.wide(), "pg-64-clients"));
        results.add(reported(S10, "8 clients, 1 agent", f.sharedEight(), "pg-8-clients-1-agent"));
        results.add(Row.reported(S10, "open loop, " + Format.rate(f.open().offeredPerSecond() == null ? 0
                : f.open().offeredPerSecond()) + " offered, 64 agents", Rows.openLoop(f.open()),
                Map.of("phase", f.open().name(), "placeholder", "pg-open-loop")));
        results.add(Row.reported(S10, "CPU during 64 clients: service / driver / other processes (PostgreSQL "
                + "among them)", Rows.cores(f.wide()) + " cores of " + Runtime.getRuntime().availableProcessors(),
                Map.of("phase", f.wide().name(), "service_cores", f.wide().serverCores(), "driver_cores",
                        f.wide().driverCores(), "other_cores", f.wide().otherCores())));
        if (fileStore != null) {
            double ratio = f.wide().updatesPerSecond() / fileStore.updatesPerSecond();
            results.add(Row.reported(S10, "PostgreSQL ÷ file store updates/s at 64 clients (scenario 1)",
                    Format.ratio(ratio) + " (" + Format.rate(f.wide().updatesPerSecond()) + " ÷ "
                            + Format.rate(fileStore.updatesPerSecond()) + ")",
                    Map.of("ratio", ratio, "placeholder", "pg-vs-file-64")));
        }
    }

    /**
     * 64 clients on one replica, then the second replica started on the same database and the same 64 clients
     * spread over both. CPU per update: the replicas' CPU (both together) and the database server's, divided by
     * the updates answered.
     */
    private static void replicas(BenchContext ctx, ProcessHandle postmaster, Service first, Service second,
            List<Agent> wide, Ledger ledger) {
        Results results = ctx.results();
        Sizes sizes = ctx.sizes();
        List<Integer> one = List.of(first.port());
        results.add(ClosedLoop.runSpread("postgres, 1 replica: warm-up, 64 clients", one, wide, sizes.warmUp(),
                ledger, first.handle()));
        PostgresCpu dbCpu = PostgresCpu.start(postmaster);
        PhaseResult single = results.add(ClosedLoop.runSpread("postgres, 1 replica: 64 clients, 64 agents", one,
                wide, sizes.phase(), ledger, first.handle()));
        double singleDbCores = dbCpu.cores();

        double secondStart = second.start();
        List<Integer> both = List.of(first.port(), second.port());
        results.add(ClosedLoop.runSpread("postgres, 2 replicas: warm-up, 64 clients", both, wide, sizes.warmUp(),
                ledger, first.handle()));
        CpuMeter secondCpu = CpuMeter.start(second.handle());
        dbCpu = PostgresCpu.start(postmaster);
        PhaseResult pair = results.add(ClosedLoop.runSpread("postgres, 2 replicas: 64 clients (32 each), 64 agents",
                both, wide, sizes.phase(), ledger, first.handle()));
        double pairDbCores = dbCpu.cores();
        double secondCores = secondCpu.cores()[0];

        results.add(Row.reported(S12, "1 replica: 64 clients, 64 agents", Rows.phase(single),
                Map.of("phase", single.name(), "placeholder", "pg-one-replica-64")));
        results.add(Row.reported(S12, "2 replicas, one database: 64 clients round robin (32 each)",
                Rows.phase(pair), Map.of("phase", pair.name(), "placeholder", "pg-two-replicas-64")));
        double ratio = pair.updatesPerSecond() / single.updatesPerSecond();
        results.add(Row.reported(S12, "2 replicas ÷ 1 replica updates/s", Format.ratio(ratio),
                Map.of("ratio", ratio, "placeholder", "pg-two-replicas-ratio")));
        results.add(cpuPerUpdate("1 replica", single, single.serverCores(), singleDbCores, "pg-cpu-one-replica"));
        results.add(cpuPerUpdate("2 replicas", pair, pair.serverCores() + secondCores, pairDbCores,
                "pg-cpu-two-replicas"));
        results.add(Row.reported(S12, "second replica started on the shared database (to readiness)",
                Format.seconds(secondStart), Map.of("seconds", secondStart)));
    }

    /** Service CPU per update (all replicas together ÷ updates) and the database server's, in microseconds. */
    private static Row cpuPerUpdate(String replicas, PhaseResult phase, double serviceCores, double dbCores,
            String placeholder) {
        double updates = Math.max(1, phase.ok());
        double serviceMicros = serviceCores * phase.seconds() / updates * 1e6;
        double dbMicros = dbCores * phase.seconds() / updates * 1e6;
        String value = Format.count(serviceMicros) + " µs service, " + Format.count(dbMicros)
                + " µs PostgreSQL (cores: service " + Format.cores(serviceCores) + ", PostgreSQL "
                + Format.cores(dbCores) + ", driver " + Format.cores(phase.driverCores()) + ")";
        return Row.reported(S12, "CPU per update, " + replicas + ": service (replicas together) / PostgreSQL", value,
                Map.of("phase", phase.name(), "service_micros_per_update", serviceMicros,
                        "postgres_micros_per_update", dbMicros, "service_cores", serviceCores, "postgres_cores",
                        dbCores, "placeholder", placeholder));
    }

    private static Row reported(String scenario, String figure, PhaseResult p, String placeholder) {
        return Row.reported(scenario, figure, Rows.phase(p), Map.of("phase", p.name(), "placeholder", placeholder));
    }
}
