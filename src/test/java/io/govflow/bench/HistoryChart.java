package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 8: {@code GET /api/v1/agents/{id}/history.svg} of the last 10 000 updates, all seven metrics, on an
 * agent whose log has 100 000 lines; one client, one request at a time after a warm-up, p50 and p99.
 */
final class HistoryChart {

    static final String S8 = "8 history chart";
    static final long LOG_LINES = 100_000;
    private static final String AGENT = "chart_0";
    private static final String PATH = "/history.svg?metrics=E,I,S,V,attention_score,coherence,lambda1&last=10000";
    private static final double GOAL_MS = 500;
    private static final Pattern SERIES_E = Pattern.compile("<g id='series-E'>");

    private HistoryChart() {
    }

    static void run(BenchContext ctx) {
        Results results = ctx.results();
        Path data = ctx.dataDir("chart");
        GeneratedData generated = new GeneratedData(data, LOG_LINES);
        Agent agent = generated.add(AGENT, LOG_LINES);
        generated.finish();
        GeneratedData.syncFileSystem(data);
        Service service = ctx.service("chart", data, List.of(), List.of());
        try {
            service.start();
            byte[] request = HttpConnection.request("GET", "/api/v1/agents/" + agent.id() + PATH, service.port(),
                    agent.key(), null);
            boolean quick = "quick".equals(ctx.sizes().mode());
            Timing timing = measure(service, request, quick ? 5 : 20, quick ? 30 : 200);
            double p50 = timing.samples().percentileMillis(0.5);
            double p99 = timing.samples().percentileMillis(0.99);
            results.add(Row.goal(S8, "GET history.svg, last=10000, 7 metrics, log of " + Format.count(LOG_LINES)
                    + " lines (1 client, " + timing.samples().size() + " requests)",
                    "p50 " + Format.ms(p50) + ", p99 " + Format.ms(p99) + ", " + Format.mb(timing.bytes())
                            + " per chart" + (timing.allCharts() ? "" : " — NOT EVERY ANSWER WAS A CHART"),
                    "p99 < 500 ms", timing.allCharts() && p99 < GOAL_MS,
                    Map.of("p50_ms", p50, "p99_ms", p99, "requests", timing.samples().size(), "bytes",
                            timing.bytes(), "log_lines", LOG_LINES)));
            service.stop();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    private static Timing measure(Service service, byte[] request, int warmUp, int timed) {
        Samples samples = new Samples();
        boolean allCharts = true;
        long bytes = 0;
        try (HttpConnection connection = new HttpConnection(service.port())) {
            for (int k = 0; k < warmUp + timed; k++) {
                long begin = System.nanoTime();
                HttpReply reply = connection.exchange(request);
                long nanos = System.nanoTime() - begin;
                allCharts &= reply.status() == 200 && isChart(reply.body());
                bytes = reply.body().length;
                if (k >= warmUp) {
                    samples.add(nanos);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a history chart got no complete answer", e);
        }
        return new Timing(samples, bytes, allCharts);
    }

    private static boolean isChart(byte[] body) {
        Matcher m = SERIES_E.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find();
    }

    private record Timing(Samples samples, long bytes, boolean allCharts) {
    }
}
