package io.govflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The lines each agent's update log must hold: the lines it had when the service started (generated on disk, or
 * none) plus one per 2xx answer to an update. {@link #check} compares that with the complete lines on disk.
 */
final class Ledger {

    private final Map<String, Long> initialLines = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> committedErrors = new ConcurrentHashMap<>();

    void expect(String agentId, long linesOnDisk) {
        initialLines.put(agentId, linesOnDisk);
        acknowledged.putIfAbsent(agentId, new LongAdder());
    }

    void acknowledged(String agentId) {
        LongAdder count = acknowledged.get(agentId);
        if (count == null) {
            throw new IllegalStateException("agent not in the ledger: " + agentId);
        }
        count.increment();
    }

    /**
     * An error answer that says its update was committed nevertheless ({@code "committed": true}): its line is on
     * disk but no 2xx counts it, so it shows as a mismatch; the check reports how many there were.
     */
    void committedError(String agentId) {
        committedErrors.computeIfAbsent(agentId, k -> new LongAdder()).increment();
    }

    /**
     * Agent by agent: lines on disk against lines expected. With {@code inFlight} > 0 (after a SIGKILL) an agent may
     * hold up to that many more lines than answered: updates committed whose answer never left.
     */
    LineCheck check(Path dataDir, Collection<String> agentIds, int inFlight) {
        Path agents = dataDir.resolve("agents");
        return check(id -> lines(agents.resolve(id + "_updates.jsonl")), agentIds, inFlight);
    }

    /** The same check against lines counted elsewhere (rows of a database's update log). */
    LineCheck check(ToLongFunction<String> linesOf, Collection<String> agentIds, int inFlight) {
        long expected = 0;
        long onDisk = 0;
        long committed = 0;
        List<String> mismatches = new ArrayList<>();
        for (String id : agentIds) {
            long want = initialLines.getOrDefault(id, 0L) + acknowledged.getOrDefault(id, new LongAdder()).sum();
            long have = linesOf.applyAsLong(id);
            expected += want;
            onDisk += have;
            committed += committedErrors.getOrDefault(id, new LongAdder()).sum();
            if (have < want || have > want + inFlight) {
                mismatches.add(id + ": " + have + " lines, " + want + " expected");
            }
        }
        return new LineCheck(agentIds.size(), expected, onDisk, inFlight, committed, List.copyOf(mismatches));
    }

    LineCheck check(Path dataDir, int inFlight) {
        return check(dataDir, List.copyOf(initialLines.keySet()), inFlight);
    }

    /** Every agent of the ledger, against lines counted elsewhere. */
    LineCheck check(ToLongFunction<String> linesOf, int inFlight) {
        return check(linesOf, List.copyOf(initialLines.keySet()), inFlight);
    }

    /** Complete lines (ending with a newline); a torn last line is not one. */
    static long lines(Path file) {
        long count = 0;
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int k = 0; k < n; k++) {
                    if (buffer[k] == '\n') {
                        count++;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /**
     * The result of a check: lines expected (generated + 2xx) and found.
     *
     * @param committedErrors error answers that said {@code "committed": true}
     */
    record LineCheck(int agents, long expected, long onDisk, int inFlightAllowance, long committedErrors,
            List<String> mismatches) {

        boolean passed() {
            return mismatches.isEmpty();
        }
    }
}
