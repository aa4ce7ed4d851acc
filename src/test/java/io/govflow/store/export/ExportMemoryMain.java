package io.govflow.store.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * Run in a child JVM with a small heap: exports an agent's generated update log as JSON, CSV and a complete
 * package, validates the three files, and prints one line per file with its size, time and the peak heap use.
 */
public final class ExportMemoryMain {

    private ExportMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String agentId = args[1];
        ExportStore store = new ExportStore(dataDir);
        long total = Long.parseLong(args[2]);
        long t0 = System.nanoTime();
        Path json = store.writeJson(agentId, agentId + "_history_20251201_151234.json");
        report("json", json, t0, store);
        t0 = System.nanoTime();
        Path csv = store.writeCsv(agentId, agentId + "_history_20251201_151234.csv");
        report("csv", csv, t0, store);
        t0 = System.nanoTime();
        Path pkg = store.writePackage(agentId, agentId + "_complete_package_20251201_151234.json", total,
                GeneratedLogs.entry(total).ts());
        report("package", pkg, t0, store);
        System.out.println("max_heap_mb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static void report(String what, Path file, long writeStarted, ExportStore store) throws Exception {
        long started = System.nanoTime();
        long writeMs = (started - writeStarted) / 1_000_000;
        ExportKind kind = what.equals("package") ? ExportKind.PACKAGE : ExportKind.HISTORY;
        ExportFileReport validation = store.validator.validate(kind, file);
        System.out.printf("%s bytes=%d write_ms=%d validate_ms=%d ok=%s problems=%s peak_heap_mb=%d%n", what, Files.size(file), writeMs,
                (System.nanoTime() - started) / 1_000_000, validation.ok(), validation.problems(), peakHeapMb());
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
