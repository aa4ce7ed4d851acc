package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The data sets generated on disk (see {@link GeneratedData}): each is written once into a template directory and
 * copied into the data directory of every run that needs it, so each run starts from the same files.
 */
final class DataSets {

    static final long FLEET_LINES = 100;

    private DataSets() {
    }

    /**
     * Ten agents: {@code history_0} with the long history (scenario 3, exported in scenario 5) and
     * {@code fleet_1..9} with 100 updates each (scenario 4's small fleet).
     */
    static Generated smallFleet(BenchContext ctx) {
        long begin = System.nanoTime();
        Path dir = ctx.work().resolve("template-small").resolve("data");
        GeneratedData data = new GeneratedData(dir, ctx.sizes().historyLines());
        data.add("history_0", ctx.sizes().historyLines());
        for (int k = 1; k < ctx.sizes().smallFleet(); k++) {
            data.add("fleet_" + k, FLEET_LINES);
        }
        return finish(ctx, "small fleet", dir, data, begin);
    }

    /** {@code fleet_00000…} with 100 updates each (scenario 4's large fleet, scenario 6's start-up). */
    static Generated largeFleet(BenchContext ctx) {
        long begin = System.nanoTime();
        Path dir = ctx.work().resolve("template-large").resolve("data");
        GeneratedData data = new GeneratedData(dir, FLEET_LINES);
        for (int k = 0; k < ctx.sizes().fleetAgents(); k++) {
            data.add(String.format(Locale.ROOT, "fleet_%05d", k), FLEET_LINES);
        }
        return finish(ctx, "large fleet", dir, data, begin);
    }

    private static Generated finish(BenchContext ctx, String name, Path dir, GeneratedData data, long begin) {
        List<Agent> agents = data.finish();
        GeneratedData.syncFileSystem(dir);
        double seconds = (System.nanoTime() - begin) / 1e9;
        ctx.results().describe("generated " + name, agents.size() + " agents, " + data.lines() + " log lines in "
                + Format.seconds(seconds));
        return new Generated(dir, agents, data.linesByAgent());
    }

    /** A data set: its template directory, its agents (with their keys) and their log lines. */
    record Generated(Path template, List<Agent> agents, Map<String, Long> lines) {

        Generated {
            agents = List.copyOf(agents);
            lines = Map.copyOf(lines);
        }

        long totalLines() {
            return lines.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The generated lines of every agent are what its log must start with. */
        void expectAll(Ledger ledger) {
            lines.forEach(ledger::expect);
        }

        /** Copies the template into {@code target} (an empty data directory) and syncs it. */
        Path copyTo(Path target) {
            try (Stream<Path> files = Files.walk(template)) {
                List<Path> all = new ArrayList<>(files.toList());
                for (Path source : all) {
                    Path copy = target.resolve(template.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            GeneratedData.syncFileSystem(target);
            return target;
        }

        Agent agent(String id) {
            return agents.stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no generated agent " + id));
        }
    }
}
