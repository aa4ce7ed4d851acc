package io.govflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A constant offered rate, independent of how fast the service answers: request {@code n} is due at
 * {@code t0 + n / rate} and goes to agent {@code n mod agents}; each agent has one worker and one connection. Latency
 * is measured from the due time, not from the actual send, so a slow answer that delays the next requests counts
 * against all of them (no coordinated omission).
 *
 * <p>Requests still unsent {@code drainLimit} after the end of the offering window are not sent; each counts with
 * the time it had waited at the cut-off, a lower bound of its latency, and the phase reports how many there were.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    static PhaseResult run(String name, int port, List<Agent> agents, double ratePerSecond, Duration window,
            Duration drainLimit, Ledger ledger, ProcessHandle server) {
        int n = agents.size();
        double period = 1e9 / ratePerSecond;
        Tally tally = new Tally();
        List<Samples> samples = new ArrayList<>();
        AtomicLong notSent = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long t0 = System.nanoTime() + 200_000_000L;
        long end = t0 + window.toNanos();
        long cutOff = end + drainLimit.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            Samples latencies = new Samples();
            samples.add(latencies);
            LoadClient client = LoadClient.update(port, agents.get(w), tally, ledger);
            int worker = w;
            Thread thread = new Thread(() -> {
                try (client) {
                    for (long k = 0;; k++) {
                        long due = t0 + (long) ((k * n + worker) * period);
                        if (due >= end) {
                            return;
                        }
                        long now = System.nanoTime();
                        if (now >= cutOff) {
                            latencies.add(cutOff - due);
                            notSent.incrementAndGet();
                            continue;
                        }
                        Sleep.until(due);
                        boolean ok = client.call();
                        long answered = System.nanoTime();
                        lastAnswer.accumulateAndGet(answered, Math::max);
                        if (ok) {
                            latencies.add(answered - due);
                        }
                    }
                }
            }, "open-" + w);
            thread.setDaemon(true);
            threads.add(thread);
        }
        CpuMeter cpu = CpuMeter.start(server);
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (Math.max(lastAnswer.get(), end) - t0) / 1e9;
        return PhaseResult.of(name, n, n, seconds, tally, Samples.merge(samples), ratePerSecond, notSent.get(),
                cpu.cores());
    }
}
