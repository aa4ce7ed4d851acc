package io.govflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The load phases of scenario 1, run the same way against the durable store and (scenario 2) the in-memory one:
 * a warm-up on every agent, then closed loop with 1, 8 and 64 clients on distinct agents and 8 clients on one
 * agent, then open loop at a constant rate over the 64 agents.
 */
final class UpdatePhases {

    private UpdatePhases() {
    }

    /** Registers the agents of the phases through the API. */
    static Agents register(Api api, Ledger ledger) {
        Agents agents = new Agents(api.register("solo_0"), api.register("eight_", 8), api.register("wide_", 64),
                api.register("shared_0"));
        agents.all().forEach(a -> ledger.expect(a.id(), 0));
        return agents;
    }

    static Figures run(BenchContext ctx, Service service, Agents agents, Ledger ledger, String store) {
        Sizes sizes = ctx.sizes();
        Results results = ctx.results();
        int port = service.port();
        ProcessHandle server = service.handle();
        results.add(ClosedLoop.run(store + ": warm-up, one client per agent", port, agents.all(), sizes.warmUp(),
                ledger, server));
        PhaseResult one = results.add(ClosedLoop.run(store + ": 1 client, 1 agent", port, List.of(agents.solo()),
                sizes.phase(), ledger, server));
        PhaseResult eight = results.add(ClosedLoop.run(store + ": 8 clients, 8 agents", port, agents.eight(),
                sizes.phase(), ledger, server));
        boolean profile = ctx.profile() && "durable".equals(store);
        if (profile) {
            Profiler.start(server);
        }
        PhaseResult wide = results.add(ClosedLoop.run(store + ": 64 clients, 64 agents", port, agents.wide(),
                sizes.phase(), ledger, server));
        if (profile) {
            Path recording = ctx.resultsDir().resolve("server-64-clients.jfr");
            Profiler.stop(server, recording);
            results.note("JFR profile of the service during the 64-client phase (" + recording.getFileName()
                    + "):\n" + Profiler.summary(recording, 15));
        }
        PhaseResult shared = results.add(ClosedLoop.run(store + ": 8 clients, 1 agent", port,
                Collections.nCopies(8, agents.shared()), sizes.phase(), ledger, server));
        PhaseResult open = results.add(OpenLoop.run(store + ": open loop, 64 agents", port, agents.wide(),
                sizes.openRate(), sizes.openWindow(), sizes.openDrainLimit(), ledger, server));
        PhaseResult ceiling = results.add(ClosedLoop.runGet(store + ": 64 clients, GET /actuator/health/liveness",
                port, "/actuator/health/liveness", agents.wide().size(), sizes.phase(), server));
        return new Figures(one, eight, wide, shared, open, ceiling);
    }

    /** The agents of the phases. */
    record Agents(Agent solo, List<Agent> eight, List<Agent> wide, Agent shared) {

        List<Agent> all() {
            List<Agent> all = new ArrayList<>();
            all.add(solo);
            all.addAll(eight);
            all.addAll(wide);
            all.add(shared);
            return all;
        }

        List<String> ids() {
            return all().stream().map(Agent::id).toList();
        }
    }

    /**
     * The figures of the phases.
     *
     * @param httpCeiling 64 clients on a liveness probe that touches no store: the rate HTTP, the service's
     *     filters and this driver reach together on this machine, an upper bound for any update figure
     */
    record Figures(PhaseResult one, PhaseResult eight, PhaseResult wide, PhaseResult sharedEight, PhaseResult open,
            PhaseResult httpCeiling) {
    }
}
