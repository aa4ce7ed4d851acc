package io.govflow.durability.workload;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.govflow.support.ApiClient;

/**
 * Client threads that call the workloads' steps (picked by weight, seeded per thread) against one service until
 * stopped or until the service stops answering.
 */
public final class LoadDriver {

    private final List<Workload> workloads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger steps = new AtomicInteger();

    private LoadDriver(List<Workload> workloads) {
        this.workloads = workloads;
    }

    public static LoadDriver start(List<Workload> workloads, ApiClient client, int clients, long seed) {
        LoadDriver driver = new LoadDriver(workloads);
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 31 + c);
            Thread thread = new Thread(() -> driver.run(client, random), "load-" + c);
            thread.setDaemon(true);
            driver.threads.add(thread);
            thread.start();
        }
        return driver;
    }

    private void run(ApiClient client, Random random) {
        int total = workloads.stream().mapToInt(Workload::weight).sum();
        while (running.get()) {
            Workload workload = pick(random.nextInt(total));
            try {
                workload.step(client, random);
                steps.incrementAndGet();
            } catch (UncheckedIOException connectionLost) {
                return;
            } catch (RuntimeException | Error e) {
                failures.add(e);
                return;
            }
        }
    }

    private Workload pick(int ticket) {
        int seen = 0;
        for (Workload workload : workloads) {
            seen += workload.weight();
            if (ticket < seen) {
                return workload;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** Stops the clients and waits for them; in-flight requests finish or fail. */
    public LoadDriver stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(90_000);
        }
        return this;
    }

    /** Steps that completed (whatever the answer). */
    public int steps() {
        return steps.get();
    }

    /** Exceptions other than a lost connection, thrown by a step. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }
}
