package io.govflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop clients: each thread owns one connection and one agent and posts its next update as soon as the
 * previous one is answered. Several clients may share an agent (the 8-on-one case).
 */
final class ClosedLoop {

    private final String name;
    private final int clients;
    private final int agents;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Samples> samples = new ArrayList<>();
    private final Tally tally = new Tally();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch started;
    private final CpuMeter cpu;
    private final long startNanos;

    private ClosedLoop(String name, int clients, int agents, ClientFactory clientFor, ProcessHandle server) {
        this.name = name;
        this.clients = clients;
        this.agents = agents;
        this.started = new CountDownLatch(1);
        for (int c = 0; c < clients; c++) {
            Samples latencies = new Samples();
            samples.add(latencies);
            LoadClient client = clientFor.create(c, tally);
            Thread thread = new Thread(() -> loop(client, latencies), "closed-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        this.cpu = CpuMeter.start(server);
        this.startNanos = System.nanoTime();
        started.countDown();
    }

    /** Starts one client per entry of {@code perClient}, each posting updates of that agent. */
    static ClosedLoop start(String name, int port, List<Agent> perClient, Ledger ledger, ProcessHandle server) {
        List<Agent> agents = List.copyOf(perClient);
        return new ClosedLoop(name, agents.size(), new LinkedHashSet<>(agents).size(),
                (c, tally) -> LoadClient.update(port, agents.get(c), tally, ledger), server);
    }

    /**
     * Like {@link #run}, with the clients spread over several replicas of the service round robin: client {@code c}
     * talks to {@code ports.get(c % ports.size())}. The phase's CPU is that of {@code server} (one replica).
     */
    static PhaseResult runSpread(String name, List<Integer> ports, List<Agent> perClient, Duration duration,
            Ledger ledger, ProcessHandle server) {
        List<Agent> agents = List.copyOf(perClient);
        List<Integer> targets = List.copyOf(ports);
        ClosedLoop loop = new ClosedLoop(name, agents.size(), new LinkedHashSet<>(agents).size(),
                (c, tally) -> LoadClient.update(targets.get(c % targets.size()), agents.get(c), tally, ledger),
                server);
        Sleep.nanos(duration.toNanos());
        return loop.stop();
    }

    /** {@code clients} clients repeating {@code GET path}: what HTTP and this driver manage without the store. */
    static PhaseResult runGet(String name, int port, String path, int clients, Duration duration,
            ProcessHandle server) {
        ClosedLoop loop = new ClosedLoop(name, clients, 0, (c, tally) -> LoadClient.get(port, path, tally), server);
        Sleep.nanos(duration.toNanos());
        return loop.stop();
    }

    /** Runs for {@code duration} and returns the phase's figures. */
    static PhaseResult run(String name, int port, List<Agent> perClient, Duration duration, Ledger ledger,
            ProcessHandle server) {
        ClosedLoop loop = start(name, port, perClient, ledger, server);
        Sleep.nanos(duration.toNanos());
        return loop.stop();
    }

    /**
     * One client that alternates between the agents request by request (one connection each), so that a drift of
     * the machine's load while it runs hits every agent alike; one result per agent, named {@code names}.
     */
    static List<PhaseResult> alternating(List<String> names, int port, List<Agent> agents, Duration duration,
            Ledger ledger, ProcessHandle server) {
        List<Tally> tallies = new ArrayList<>();
        List<Samples> latencies = new ArrayList<>();
        List<LoadClient> clients = new ArrayList<>();
        for (Agent agent : agents) {
            Tally tally = new Tally();
            tallies.add(tally);
            latencies.add(new Samples());
            clients.add(LoadClient.update(port, agent, tally, ledger));
        }
        CpuMeter cpu = CpuMeter.start(server);
        long begin = System.nanoTime();
        long deadline = begin + duration.toNanos();
        for (long k = 0; System.nanoTime() < deadline; k++) {
            int i = (int) (k % clients.size());
            long start = System.nanoTime();
            if (clients.get(i).call()) {
                latencies.get(i).add(System.nanoTime() - start);
            } else {
                Sleep.nanos(10_000_000L);
            }
        }
        clients.forEach(LoadClient::close);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double[] cores = cpu.cores();
        List<PhaseResult> results = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            results.add(PhaseResult.of(names.get(i), 1, 1, seconds, tallies.get(i), latencies.get(i), null, 0,
                    cores));
        }
        return results;
    }

    /** Stops every client after its request in flight and returns the figures. */
    PhaseResult stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return PhaseResult.of(name, clients, agents, seconds, tally,
                Samples.merge(samples), null, 0, cpu.cores());
    }

    private void loop(LoadClient client, Samples latencies) {
        try (client) {
            started.await();
            while (running.get()) {
                long begin = System.nanoTime();
                if (client.call()) {
                    latencies.add(System.nanoTime() - begin);
                } else {
                    Sleep.nanos(10_000_000L); // no tight loop against a refusing or dead server
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes client number {@code client}, counting into the phase's tally. */
    @FunctionalInterface
    private interface ClientFactory {
        LoadClient create(int client, Tally tally);
    }
}
