package io.govflow.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 8: the operator console's fleet endpoints on the large generated fleet (10 000 agents in the full run),
 * in a service started on a copy of it. The first call builds the fleet index from every log's tail and is timed
 * on its own; then, after a short warm-up of each, each endpoint is called in turn, one request at a time, and its
 * p50 and p99 are reported. The default refresh interval (5 s) stays on: the background refresh (a stat of every
 * log) runs while the calls are timed.
 */
final class FleetEndpoints {

    static final String S8 = "8 fleet endpoints";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double P99_GOAL_MS = 100;
    private static final double FIRST_CALL_GOAL_MS = 10_000;
    private static final int WARM_UP = 20;
    private static final String SUMMARY = "/api/v1/fleet/summary";
    private static final Map<String, String> ENDPOINTS = endpoints();

    private FleetEndpoints() {
    }

    private static Map<String, String> endpoints() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("summary", SUMMARY);
        paths.put("anomalies", "/api/v1/fleet/anomalies?limit=100");
        paths.put("agents page", "/api/v1/fleet/agents?sort=attention_score&order=desc&size=100");
        return paths;
    }

    static void run(BenchContext ctx, DataSets.Generated large) {
        Results results = ctx.results();
        Path data = large.copyTo(ctx.dataDir("fleet-endpoints"));
        Service service = ctx.service("fleet-endpoints", data, List.of(), List.of());
        int calls = ctx.sizes().mode().equals("quick") ? 60 : 300;
        try {
            service.start();
            try (Api api = new Api(service)) {
                long begin = System.nanoTime();
                HttpReply first = api.send("GET", SUMMARY, service.adminToken(), null);
                double firstMs = (System.nanoTime() - begin) / 1e6;
                JsonNode summary = expectOk(first);
                long agents = summary.get("agents").asLong();
                results.add(Row.goal(S8, "first /fleet/summary (builds the index from " + Format.count(agents)
                        + " log tails)", Format.ms(firstMs), "< 10 s", firstMs < FIRST_CALL_GOAL_MS,
                        Map.of("ms", firstMs, "agents", agents)));
                for (String path : ENDPOINTS.values()) {
                    time(api, service.adminToken(), path, WARM_UP);
                }
                for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
                    Samples samples = time(api, service.adminToken(), endpoint.getValue(), calls);
                    double p50 = samples.percentileMillis(0.50);
                    double p99 = samples.percentileMillis(0.99);
                    results.add(Row.goal(S8, "/fleet/" + endpoint.getKey() + ", " + Format.count(agents)
                            + " agents, " + calls + " calls: p50 / p99", Format.ms(p50) + " / " + Format.ms(p99),
                            "p99 < 100 ms", p99 < P99_GOAL_MS,
                            Map.of("p50_ms", p50, "p99_ms", p99, "calls", calls, "agents", agents)));
                }
            }
            service.stop();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    private static Samples time(Api api, String token, String path, int calls) {
        Samples samples = new Samples();
        for (int k = 0; k < calls; k++) {
            long begin = System.nanoTime();
            HttpReply reply = api.send("GET", path, token, null);
            samples.add(System.nanoTime() - begin);
            expectOk(reply);
        }
        return samples;
    }

    private static JsonNode expectOk(HttpReply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("fleet endpoint answered " + reply.status() + " " + reply.text());
        }
        return JSON.readTree(reply.body());
    }
}
