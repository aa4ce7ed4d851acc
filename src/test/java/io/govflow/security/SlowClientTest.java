package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.govflow.support.ApiClient;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their body a byte at a time (or not at all) are cut off once the total read deadline has
 * passed, with the 408 envelope, and their connection is closed (the server does not drain the rest of the body),
 * while other agents keep posting updates. Latencies are printed, not asserted.
 */
@GovflowApp(args = {"--govflow.http.read-deadline=2s", "--govflow.governance.loop-detection=false"})
class SlowClientTest {

    private static final int TRICKLERS = 4;
    private static final int NORMAL_AGENTS = 3;

    static RunningApp app;
    static ApiClient client;

    @Test
    void tricklingAndSilentBodiesGet408WhileUpdatesContinue() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < NORMAL_AGENTS; i++) {
            keys.add(client.register("steady_agent_" + i));
        }
        updates(keys, 10);
        List<Long> quiet = updatesFor(Duration.ofSeconds(3), keys);

        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<Raw.Answer>> slow = new ArrayList<>();
            for (int i = 0; i < TRICKLERS; i++) {
                boolean chunked = i % 2 == 1;
                slow.add(pool.submit(() -> trickle(chunked, 250)));
            }
            slow.add(pool.submit(() -> trickle(false, -1)));
            AtomicBoolean done = new AtomicBoolean();
            Future<List<Long>> busy = pool.submit(() -> {
                List<Long> all = new ArrayList<>();
                while (!done.get()) {
                    all.addAll(updates(keys, 1));
                }
                return all;
            });
            for (Future<Raw.Answer> future : slow) {
                Raw.Answer answer = future.get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.head()).isEqualTo(408);
                assertThat(answer.json().get("error_code").asString()).isEqualTo("REQUEST_TIMEOUT");
                assertThat(answer.json().get("recovery").get("action").asString()).isNotBlank();
                assertThat(answer.header("X-Request-Id")).isNotBlank();
            }
            done.set(true);
            List<Long> during = busy.get(60, TimeUnit.SECONDS);
            assertThat(during).isNotEmpty();
            System.out.printf("slow clients: update latency quiet p50 %d ms p99 %d ms max %d ms (%d updates); "
                    + "with %d slow connections p50 %d ms p99 %d ms max %d ms (%d updates)%n", percentile(quiet, 50),
                    percentile(quiet, 99), percentile(quiet, 100), quiet.size(), TRICKLERS + 1,
                    percentile(during, 50), percentile(during, 99), percentile(during, 100), during.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts updates for all agents in turn for {@code window}; every one must succeed. */
    private static List<Long> updatesFor(Duration window, List<String> keys) {
        List<Long> all = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            all.addAll(updates(keys, 1));
        }
        return all;
    }

    /** Posts {@code rounds} updates per agent; every one must succeed. Returns their latencies in ms. */
    private static List<Long> updates(List<String> keys, int rounds) {
        List<Long> latencies = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < keys.size(); i++) {
                long start = System.nanoTime();
                ApiClient.Reply reply = client.post("/api/v1/agents/steady_agent_" + i + "/updates", keys.get(i),
                        Map.of("complexity", 0.3, "response_text", "steady work"));
                latencies.add((System.nanoTime() - start) / 1_000_000);
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            }
        }
        return latencies;
    }

    /**
     * Sends a registration whose body arrives one byte every {@code pauseMillis} (never, when negative) and returns
     * the server's answer.
     */
    private static Raw.Answer trickle(boolean chunked, long pauseMillis) {
        String head = "POST /api/v1/agents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 4000\r\n") + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            Thread writer = new Thread(() -> drip(out, chunked, pauseMillis), "trickle");
            writer.setDaemon(true);
            writer.start();
            try {
                Raw.Answer answer = Raw.parse(readUntilClosed(socket.getInputStream()));
                System.out.printf("slow clients: %s body, %s: %d after %d ms, then closed%n",
                        chunked ? "chunked" : "sized", pauseMillis < 0 ? "nothing sent" : "a byte every "
                        + pauseMillis + " ms", answer.status(), (System.nanoTime() - start) / 1_000_000);
                return answer;
            } finally {
                writer.interrupt();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drip(OutputStream out, boolean chunked, long pauseMillis) {
        if (pauseMillis < 0) {
            return;
        }
        try {
            out.write((chunked ? "1\r\n{\r\n" : "{").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 4000; i++) {
                Thread.sleep(pauseMillis);
                out.write((chunked ? "1\r\n \r\n" : " ").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | InterruptedException stopped) {
            // the server closed the connection, or the answer arrived
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // the server closed while the writer was still sending: keep what arrived
        } catch (SocketTimeoutException open) {
            throw new AssertionError("the connection stayed open after the answer: "
                    + buffer.toString(StandardCharsets.UTF_8), open);
        }
        return buffer.toByteArray();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(index);
    }
}
