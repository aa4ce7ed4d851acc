package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Entry point of {@code bench/run}: {@code [--quick] [--profile] [--keep] [--jar PATH] [--results DIR]}. Runs the
 * scenarios (1 to 9 on the file and in-memory stores, 10 to 13 on a PostgreSQL server the run starts itself, or
 * skipped with the reason when none can be started), prints the table and writes it as JSON. Exits 1 only when the benchmark itself broke (a scenario
 * crashed, generated data was refused, log lines on disk differ from the 2xx answers), never for a missed goal.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Sizes sizes = options.quick() ? Sizes.quick() : Sizes.full();
        Path work = Files.createTempDirectory("govflow-bench-");
        Results results = new Results();
        results.describe("mode", sizes.mode());
        results.describe("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.describe("machine", Machine.describe(work));
        results.describe("load_average_before", Machine.loadAverage());
        BenchContext ctx = new BenchContext(sizes, options.jar(), work, options.resultsDir(), results,
                options.profile());
        long begin = System.nanoTime();
        System.out.println("bench/run (" + sizes.mode() + "): scratch directory " + work);

        Samples fsync = step(results, "1 durable updates", "fdatasync probe",
                () -> FsyncProbe.measure(work, sizes.fsyncAppends()));
        DataSets.Generated small = step(results, "3 history length", "generating the small fleet",
                () -> DataSets.smallFleet(ctx));
        DataSets.Generated large = step(results, "4 agent count", "generating the large fleet",
                () -> DataSets.largeFleet(ctx));
        PhaseResult durable = fsync == null ? null : step(results, DurableUpdates.S1,
                "scenarios 1 and 7: durable updates, checkpoint lag", () -> DurableUpdates.run(ctx, fsync));
        if (durable != null) {
            step(results, InMemoryStore.S2, "scenario 2: in-memory store", () -> {
                InMemoryStore.run(ctx, durable);
                return Boolean.TRUE;
            });
        }
        SmallFleet.Figures smallFigures = small == null ? null : step(results, SmallFleet.S3,
                "scenarios 3 and 4: history length, small fleet", () -> SmallFleet.run(ctx, small));
        if (large != null && smallFigures != null) {
            step(results, LargeFleet.S6, "scenarios 4 and 6: large fleet, start-up", () -> {
                LargeFleet.run(ctx, large, smallFigures);
                return Boolean.TRUE;
            });
        }
        if (large != null) {
            step(results, FleetEndpoints.S8, "scenario 8: fleet endpoints, large fleet", () -> {
                FleetEndpoints.run(ctx, large);
                return Boolean.TRUE;
            });
        }
        if (small != null) {
            step(results, Export.S5, "scenario 5: export", () -> {
                Export.run(ctx, small);
                return Boolean.TRUE;
            });
        }
        step(results, HistoryChart.S9, "scenario 9: history chart", () -> {
            HistoryChart.run(ctx);
            return Boolean.TRUE;
        });
        postgres(ctx, durable);

        double seconds = (System.nanoTime() - begin) / 1e9;
        results.describe("duration_seconds", Math.round(seconds));
        results.describe("load_average_after", Machine.loadAverage());
        print(results, seconds);
        Path json = options.resultsDir().resolve("latest.json");
        results.writeJson(json);
        System.out.println("\nJSON: " + json);
        if (options.keep()) {
            System.out.println("scratch directory kept: " + work);
        } else if (results.anyCheckFailed()) {
            deleteRecursively(work, path -> path.getFileName().toString().endsWith(".log"));
            System.out.println("the services' logs are kept for diagnosis in " + work);
        } else {
            deleteRecursively(work, path -> false);
        }
        if (results.anyCheckFailed()) {
            System.out.println("\nbench/run FAILED: a check above failed (a crash or a count mismatch)");
            System.exit(1);
        }
    }

    /** Scenarios 10 to 13 on one PostgreSQL server started for them (stopped when this JVM exits). */
    private static void postgres(BenchContext ctx, @Nullable PhaseResult fileStore) {
        Results results = ctx.results();
        System.out.println("== scenarios 10 to 13: starting a PostgreSQL server (load average "
                + Machine.loadAverage() + ")");
        PostgresBench pg = PostgresBench.start(results);
        if (!pg.available()) {
            System.out.println("   skipped: " + pg.skipReason());
            return;
        }
        PhaseResult reference = step(results, PostgresUpdates.S10,
                "scenarios 10 and 12: PostgreSQL store, one and two replicas",
                () -> PostgresUpdates.run(ctx, pg, fileStore));
        step(results, PostgresFleet.S11, "scenario 11: PostgreSQL history and agent count", () -> {
            PostgresFleet.run(ctx, pg, reference);
            return Boolean.TRUE;
        });
        step(results, PostgresCommits.S13, "scenario 13: PostgreSQL commits per second", () -> {
            PostgresCommits.run(ctx, pg);
            return Boolean.TRUE;
        });
    }

    /** Runs one step; a crash becomes a failed row (the run goes on with what does not depend on it). */
    private static <T> @Nullable T step(Results results, String scenario, String title, Step<T> step) {
        System.out.println("== " + title + " (load average " + Machine.loadAverage() + ")");
        long begin = System.nanoTime();
        try {
            T result = step.run();
            System.out.printf("   %.1f s%n", (System.nanoTime() - begin) / 1e9);
            return result;
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            String message = String.valueOf(e.getMessage());
            results.add(new Row(scenario, title + ": crashed", message.lines().findFirst().orElse(e.toString()),
                    "runs", Row.Met.CHECK_FAILED, Map.of("exception", e.toString())));
            return null;
        }
    }

    private static void print(Results results, double seconds) {
        System.out.println();
        System.out.println(results.table());
        System.out.println("Load phases (CPU in cores: service / driver / other processes):");
        System.out.println(results.phaseTable());
        for (String note : results.notes()) {
            System.out.println(note);
        }
        System.out.println(results.runDescription());
        System.out.printf("total time %.0f s%n", seconds);
    }

    /** Deletes {@code dir} and everything in it except the files {@code keep} accepts (and their directories). */
    private static void deleteRecursively(Path dir, Predicate<Path> keep) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                boolean nonEmptyDirectory = Files.isDirectory(p) && !isEmpty(p);
                if (!keep.test(p) && !nonEmptyDirectory) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run();
    }

    /** Command-line options. */
    private record Options(boolean quick, boolean profile, boolean keep, Path jar, Path resultsDir) {

        static Options parse(String[] args) {
            boolean quick = false;
            boolean profile = false;
            boolean keep = false;
            Path jar = Path.of("target", "govflow.jar");
            Path results = Path.of("bench", "results");
            List<String> list = List.of(args);
            for (int k = 0; k < list.size(); k++) {
                switch (list.get(k)) {
                    case "--quick" -> quick = true;
                    case "--profile" -> profile = true;
                    case "--keep" -> keep = true;
                    case "--jar" -> jar = Path.of(list.get(++k));
                    case "--results" -> results = Path.of(list.get(++k));
                    default -> throw new IllegalArgumentException("unknown option " + list.get(k)
                            + "; usage: bench/run [--quick] [--profile] [--keep]");
                }
            }
            return new Options(quick, profile, keep, jar.toAbsolutePath(), results.toAbsolutePath());
        }
    }
}
