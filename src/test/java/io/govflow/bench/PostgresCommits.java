package io.govflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.govflow.support.PostgresTestServer;

/**
 * Scenario 13: what the PostgreSQL server alone commits per second on this machine, the ceiling of one primary
 * in the capacity model. Each client owns one connection (autocommit, {@code synchronous_commit} at its default
 * {@code on}) and repeats one transaction of one single-row insert of an update-log-sized row keyed
 * {@code (agent_id, seq)}, as an update's log row is; no service in between.
 */
final class PostgresCommits {

    static final String S13 = "13 PostgreSQL commits";
    private static final String LINE = "x".repeat(600);

    private PostgresCommits() {
    }

    static void run(BenchContext ctx, PostgresBench pg) {
        PostgresTestServer.Database db = pg.newDatabase("bench_commits");
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE commit_probe (agent_id text NOT NULL, seq bigint NOT NULL, line text NOT NULL, "
                    + "PRIMARY KEY (agent_id, seq))");
        } catch (SQLException e) {
            throw new IllegalStateException("creating the probe table: " + e.getMessage(), e);
        }
        ProcessHandle postmaster = pg.postmaster(db);
        measure(db, "warm_up", 8, ctx.sizes().warmUp(), postmaster); // the table's first pages, the driver's classes
        for (int clients : new int[] { 1, 8, 64 }) {
            Phase phase = measure(db, "clients_" + clients, clients, ctx.sizes().phase(), postmaster);
            double cores = phase.postgresCores();
            ctx.results().add(Row.reported(S13, clients + (clients == 1 ? " connection" : " connections")
                    + ": single-row insert transactions", Format.rate(phase.perSecond()) + ", p50 "
                            + Format.ms(phase.latencies().percentileMillis(0.5)) + ", p99 "
                            + Format.ms(phase.latencies().percentileMillis(0.99)) + "; PostgreSQL CPU "
                            + Format.cores(cores) + " cores, " + Format.count(cores / phase.perSecond() * 1e6)
                            + " µs per commit",
                    Map.of("commits_per_second", phase.perSecond(), "clients", clients, "postgres_cores", cores,
                            "placeholder", "pg-commits-" + clients)));
        }
    }

    private record Phase(double perSecond, Samples latencies, double postgresCores) {
    }

    /**
     * Runs {@code clients} connections for {@code duration}, each inserting rows of an agent of its own. The server's CPU is read while every connection is
     * still open: a backend that exits takes its CPU time with it.
     */
    private static Phase measure(PostgresTestServer.Database db, String phaseName, int clients, Duration duration,
            ProcessHandle postmaster) {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(clients);
        CountDownLatch release = new CountDownLatch(1);
        Latches latches = new Latches(ready, go, stopped, release);
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            Samples latencies = new Samples();
            samples.add(latencies);
            String agent = phaseName + "_" + k; // rows of their own: no phase waits on another's keys
            Thread thread = new Thread(() -> loop(db, agent, latencies, running, latches, failure), "commits-" + k);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            PostgresCpu cpu = PostgresCpu.start(postmaster);
            long begin = System.nanoTime();
            go.countDown();
            Sleep.nanos(duration.toNanos());
            running.set(false);
            stopped.await();
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cores = cpu.cores();
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("a commit failed: " + failed.getMessage(), failed);
            }
            Samples all = Samples.merge(samples);
            long commits = samples.stream().mapToLong(Samples::size).sum();
            return new Phase(commits / seconds, all, cores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Start and stop of one measurement: all connected, go, all stopped (connections still open), release. */
    private record Latches(CountDownLatch ready, CountDownLatch go, CountDownLatch stopped, CountDownLatch release) {

        /** A client that failed counts as ready and stopped, so the measurement never waits for it. */
        void failed() {
            ready.countDown();
            stopped.countDown();
        }
    }

    private static void loop(PostgresTestServer.Database db, String agent, Samples latencies, AtomicBoolean running,
            Latches latches, AtomicReference<@Nullable Throwable> failure) {
        try (Connection c = db.ownerConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO commit_probe (agent_id, seq, line) VALUES (?, ?, ?)")) {
            insert.setString(1, agent);
            insert.setString(3, LINE);
            latches.ready().countDown();
            latches.go().await();
            try {
                for (long seq = 1; running.get(); seq++) {
                    long begin = System.nanoTime();
                    insert.setLong(2, seq);
                    insert.executeUpdate();
                    latencies.add(System.nanoTime() - begin);
                }
            } finally {
                latches.stopped().countDown();
            }
            latches.release().await();
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
            latches.failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
