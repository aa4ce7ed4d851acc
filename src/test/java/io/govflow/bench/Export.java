package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 5: the long-history agent's whole history downloaded as CSV and as JSON from a service limited to a
 * 64 MB heap, timed, with the heap read from the service's GC log over each download.
 */
final class Export {

    static final String S5 = "5 export";
    private static final String HEAP = "-Xmx64m";
    /** {@code "total_updates": n} closes the JSON document, {@code total_updates,n} the CSV's summary rows. */
    private static final Pattern TOTAL_UPDATES = Pattern.compile("total_updates\"?\\s*[:,]\\s*(\\d+)");

    private Export() {
    }

    static void run(BenchContext ctx, DataSets.Generated small) {
        Results results = ctx.results();
        long updates = ctx.sizes().historyLines();
        Path data = small.copyTo(ctx.dataDir("export"));
        Path gc = data.resolveSibling("export-gc.log");
        Service service = ctx.service("export", data, List.of(HEAP, "-Xlog:gc:file=" + gc), List.of());
        try {
            service.start();
            GcLog.Heap idle = GcLog.since(gc, 0);
            Agent agent = small.agent("history_0");
            Download csv = download(service, agent, "csv", gc);
            Download json = download(service, agent, "json", gc);
            boolean csvComplete = csv.status() == 200 && csv.rows() == updates && csv.totalUpdates() == updates;
            boolean jsonComplete = json.status() == 200 && json.totalUpdates() == updates;
            results.add(Row.reported(S5, "CSV, " + Format.count(updates) + " updates (streamed download)",
                    csv.describe() + ", " + Format.count(csv.rows()) + " update rows"
                            + (csvComplete ? "" : " — INCOMPLETE"), csv.data()));
            results.add(Row.reported(S5, "JSON, " + Format.count(updates) + " updates (streamed download)",
                    json.describe() + ", total_updates " + json.totalUpdates()
                            + (jsonComplete ? "" : " — INCOMPLETE"), json.data()));
            GcLog.Heap heap = csv.heap().maxBeforeMb() >= json.heap().maxBeforeMb() ? csv.heap() : json.heap();
            boolean alive = service.alive();
            results.add(Row.goal(S5, "heap during the exports (service started with " + HEAP + ")",
                    "used before a collection ≤ " + heap.maxBeforeMb() + " MB, after ≤ " + heap.maxAfterMb()
                            + " MB (idle service after start-up: " + idle.maxAfterMb() + " MB), heap "
                            + heap.capacityMb() + " MB; from the GC log, " + (csv.heap().collections()
                                    + json.heap().collections()) + " collections during the downloads",
                    "both complete in a 64 MB heap", alive && csvComplete && jsonComplete,
                    Map.of("max_before_gc_mb", heap.maxBeforeMb(), "max_after_gc_mb", heap.maxAfterMb(),
                            "heap_capacity_mb", heap.capacityMb(), "xmx", HEAP)));
            service.stop();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    private static Download download(Service service, Agent agent, String format, Path gc) {
        long gcFrom = GcLog.size(gc);
        byte[] request = HttpConnection.request("GET", "/api/v1/agents/" + agent.id() + "/history/download?format="
                + format, service.port(), agent.key(), null);
        Counter counter = new Counter();
        CpuMeter cpu = CpuMeter.start(service.handle());
        long begin = System.nanoTime();
        int status;
        try (HttpConnection connection = new HttpConnection(service.port())) {
            status = connection.exchange(request, counter);
        } catch (IOException e) {
            throw new UncheckedIOException("the " + format + " export got no complete answer", e);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Download(format, status, seconds, counter.bytes, counter.rows, counter.totalUpdates(),
                GcLog.since(gc, gcFrom), cpu.cores());
    }

    /**
     * Counts a streamed body without keeping it, except its last bytes: bytes, and lines that start with a digit
     * (the CSV's update rows, which start with their seq).
     */
    private static final class Counter implements HttpConnection.BodySink {
        private static final int TAIL = 512;
        long bytes;
        long rows;
        private boolean lineStart = true;
        private final byte[] tail = new byte[TAIL];
        private int tailLength;

        @Override
        public void accept(byte[] b, int offset, int length) {
            bytes += length;
            for (int k = offset; k < offset + length; k++) {
                if (lineStart && b[k] >= '0' && b[k] <= '9') {
                    rows++;
                }
                lineStart = b[k] == '\n';
            }
            int keep = Math.min(TAIL, length);
            int shift = Math.min(tailLength, TAIL - keep);
            System.arraycopy(tail, tailLength - shift, tail, 0, shift);
            System.arraycopy(b, offset + length - keep, tail, shift, keep);
            tailLength = shift + keep;
        }

        long totalUpdates() {
            Matcher m = TOTAL_UPDATES.matcher(new String(Arrays.copyOf(tail, tailLength), StandardCharsets.UTF_8));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private record Download(String format, int status, double seconds, long bytes, long rows, long totalUpdates,
            GcLog.Heap heap, double[] cores) {

        String describe() {
            return (status == 200 ? "" : "status " + status + ", ") + Format.seconds(seconds) + " (CPU service / "
                    + "driver / other processes " + Rows.cores(cores) + "), " + Format.mb(bytes);
        }

        Map<String, Object> data() {
            return Map.of("format", format, "status", status, "seconds", seconds, "bytes", bytes,
                    "max_before_gc_mb", heap.maxBeforeMb(), "max_after_gc_mb", heap.maxAfterMb());
        }
    }
}
