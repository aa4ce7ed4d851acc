package io.govflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.store.io.DataDirectory;

/**
 * Scenario 2, persistence overhead: scenario 1's phases against a service started with
 * {@code govflow.store.kind=memory}. Whether that store exists is decided by what the service does, not by its
 * version: a probe agent is registered and updated, and if {@code agent_metadata.json} or the probe's update log
 * appears on disk the property was ignored (or the service refused to start with it), and the figures are "n/a".
 */
final class InMemoryStore {

    static final String S2 = "2 persistence overhead";
    private static final double RATIO_GOAL = 0.8;

    private InMemoryStore() {
    }

    static void run(BenchContext ctx, PhaseResult durable) {
        Results results = ctx.results();
        Path data = ctx.dataDir("memory");
        Service service = ctx.service("memory", data, List.of(), List.of("--govflow.store.kind=memory"));
        try {
            try {
                service.start();
            } catch (IllegalStateException refused) {
                notAvailable(results, "the service did not start with govflow.store.kind=memory");
                return;
            }
            DataDirectory files = new DataDirectory(data);
            try (Api api = new Api(service)) {
                Agent probe = api.register("probe_memory_0");
                if (!api.update(probe)) {
                    throw new IllegalStateException("the probe update of the in-memory store failed");
                }
                if (Files.exists(files.metadataFile()) || Files.exists(files.updateLog(probe.id()))) {
                    notAvailable(results, "govflow.store.kind=memory is ignored: the probe agent's files were "
                            + "written to the data directory");
                    return;
                }
            }
            measure(ctx, service, durable);
            service.stop();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    private static void measure(BenchContext ctx, Service service, PhaseResult durable) {
        Results results = ctx.results();
        Ledger ledger = new Ledger();
        UpdatePhases.Agents agents;
        try (Api api = new Api(service)) {
            agents = UpdatePhases.register(api, ledger);
        }
        UpdatePhases.Figures f = UpdatePhases.run(ctx, service, agents, ledger, "in-memory");
        results.add(Rows.reported(S2, "in-memory: 1 client, 1 agent", f.one()));
        results.add(Rows.reported(S2, "in-memory: 64 clients, 64 agents", f.wide()));
        results.add(Rows.reported(S2, "in-memory: open loop, 64 agents", f.open()));
        double ratio = durable.updatesPerSecond() / f.wide().updatesPerSecond();
        results.add(Row.goal(S2, "durable ÷ in-memory updates/s at 64 clients", Format.ratio(ratio), "≥ 0.8",
                ratio >= RATIO_GOAL, Map.of("ratio", ratio)));
    }

    private static void notAvailable(Results results, String why) {
        String value = "n/a (no in-memory store yet)";
        results.add(new Row(S2, "64 clients, 64 agents, in-memory store", value, "—", Row.Met.NOT_AVAILABLE,
                Map.of("reason", why)));
        results.add(new Row(S2, "durable ÷ in-memory updates/s at 64 clients", value, "≥ 0.8",
                Row.Met.NOT_AVAILABLE, Map.of("reason", why)));
        results.note("Scenario 2: " + why + ".");
    }
}
