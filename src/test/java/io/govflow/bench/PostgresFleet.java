package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.govflow.support.PostgresTestServer;

/**
 * Scenario 11: history length and agent count on the PostgreSQL store. A generated data directory (see
 * {@link GeneratedData}) with 1 000 agents of 10 updates, one agent of 10 and one of 10 000 is moved into a fresh
 * database with the jar's {@code migrate-store}, as an operator would; then one client alternates between the
 * 10-row and the 10 000-row agent, and 64 clients update 64 of the 1 000 agents (against scenario 10's 64 clients
 * on a database of 74 agents). The sizes are the same in the quick and the full run: only the phases differ.
 */
final class PostgresFleet {

    static final String S11 = "11 PostgreSQL history and agents";
    private static final int FLEET = 1_000;
    private static final long FLEET_ROWS = 10;
    private static final long SHORT_ROWS = 10;
    private static final long LONG_ROWS = 10_000;
    private static final int WIDE = 64;

    private PostgresFleet() {
    }

    static void run(BenchContext ctx, PostgresBench pg, @Nullable PhaseResult reference) {
        Results results = ctx.results();
        Sizes sizes = ctx.sizes();
        Path source = ctx.work().resolve("template-pg-fleet").resolve("data");
        GeneratedData data = new GeneratedData(source, LONG_ROWS);
        Agent shortHistory = data.add("rows_short", SHORT_ROWS);
        Agent longHistory = data.add("rows_long", LONG_ROWS);
        List<Agent> fleet = new ArrayList<>();
        for (int k = 0; k < FLEET; k++) {
            fleet.add(data.add(String.format(Locale.ROOT, "pgfleet_%04d", k), FLEET_ROWS));
        }
        data.finish();
        PostgresTestServer.Database db = pg.newDatabase("bench_fleet");
        double migrateSeconds = migrate(ctx, source, db);
        results.add(Row.reported(S11, "migrate-store of the generated directory (" + Format.count(FLEET + 2)
                + " agents, " + Format.count(data.lines()) + " log lines)", Format.seconds(migrateSeconds),
                Map.of("seconds", migrateSeconds, "agents", FLEET + 2, "log_lines", data.lines())));

        Ledger ledger = new Ledger();
        data.linesByAgent().forEach(ledger::expect);
        Service service = ctx.service("pg-fleet", ctx.dataDir("pg-fleet"), List.of(), db.appArgs());
        try {
            service.start();
            int port = service.port();
            ProcessHandle server = service.handle();
            results.add(ClosedLoop.run("postgres fleet: warm-up", port, fleet.subList(WIDE, WIDE + 8),
                    sizes.warmUp(), ledger, server));
            List<PhaseResult> pair = ClosedLoop.alternating(List.of("postgres: agent with " + SHORT_ROWS
                    + " rows (alternating)", "postgres: agent with " + Format.count(LONG_ROWS)
                            + " rows (alternating)"), port, List.of(shortHistory, longHistory),
                    sizes.phase().multipliedBy(2), ledger, server);
            pair.forEach(results::add);
            double historyRatio = pair.get(1).p50() / pair.get(0).p50();
            results.add(Row.reported(S11, "1 client p50: agent with " + Format.count(LONG_ROWS) + " rows ÷ with "
                    + SHORT_ROWS + " (alternating)", Format.ratio(historyRatio) + " (" + Format.ms(pair.get(1).p50())
                            + " ÷ " + Format.ms(pair.get(0).p50()) + ")",
                    Map.of("ratio", historyRatio, "placeholder", "pg-history-ratio")));

            List<Agent> wide = fleet.subList(0, WIDE);
            results.add(ClosedLoop.run("postgres fleet: warm-up, 64 clients", port, wide, sizes.warmUp(), ledger,
                    server));
            PhaseResult widePhase = results.add(ClosedLoop.run("postgres fleet: 64 clients, 64 of "
                    + Format.count(FLEET + 2) + " agents", port, wide, sizes.phase(), ledger, server));
            results.add(Row.reported(S11, "64 clients, 64 of " + Format.count(FLEET + 2) + " agents",
                    Rows.phase(widePhase), Map.of("phase", widePhase.name(), "placeholder", "pg-64-of-1000-agents")));
            if (reference != null) {
                double ratio = widePhase.updatesPerSecond() / reference.updatesPerSecond();
                results.add(Row.reported(S11, "64 clients updates/s: " + Format.count(FLEET + 2)
                        + " agents ÷ 74 (scenario 10)", Format.ratio(ratio), Map.of("ratio", ratio,
                                "placeholder", "pg-agent-count-ratio")));
            }
            Map<String, Long> rows = PostgresBench.logRows(db);
            results.add(Rows.lineCheck(S11, "update_log rows == migrated + 2xx answers (all agents)",
                    ledger.check(id -> rows.getOrDefault(id, 0L), 0)));
            service.stop();
        } finally {
            if (service.alive()) {
                service.kill();
            }
        }
    }

    /** {@code java -jar govflow.jar migrate-store --from-data-dir source} into {@code db}; returns its seconds. */
    private static double migrate(BenchContext ctx, Path source, PostgresTestServer.Database db) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", ctx.jar().toString(), "migrate-store", "--from-data-dir", source.toString()));
        command.addAll(db.appArgs().stream().filter(arg -> !arg.startsWith("--govflow.store.kind=")).toList());
        Path log = source.resolveSibling("migrate-store.log");
        long begin = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("migrate-store did not finish in 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("migrate-store exited " + process.exitValue() + ":\n"
                        + Files.readString(log).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return (System.nanoTime() - begin) / 1e9;
    }
}
