package io.govflow.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the figures were measured on: cores, CPU, memory, the data directory's file system and disk, the JDK. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Path dataRoot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
        m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("?"));
        m.put("disk", disk(dataRoot));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine while the figures were taken. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "?";
        }
    }

    private static String disk(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            String device = store.name();
            String block = device.startsWith("/dev/") ? device.substring(5).replaceAll("\\d+$", "") : device;
            String rotational = read(Path.of("/sys/block", block, "queue", "rotational")).orElse("?");
            String model = read(Path.of("/sys/block", block, "device", "model")).orElse("");
            return store.type() + " on " + device + (model.isEmpty() ? "" : " (" + model + ")")
                    + ("0".equals(rotational) ? ", non-rotational" : "1".equals(rotational) ? ", rotational" : "");
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
