package io.govflow.store.export;

import static io.govflow.support.Replies.abbreviated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports are streamed: 100 000 updates (a generated update log) export as JSON, CSV and a complete package in a
 * child JVM limited to 64 MiB of heap, and the files validate (the validator streams too).
 */
class ExportMemoryTest {

    private static final int UPDATES = 100_000;

    @TempDir
    Path dataDir;

    @Test
    void hundredThousandUpdatesExportWithSixtyFourMegabytesOfHeap() throws Exception {
        GeneratedLogs.write(dataDir, "big_agent", UPDATES);
        Path output = dataDir.resolve("child.out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ExportMemoryMain.class.getName(), dataDir.toString(), "big_agent", Integer.toString(UPDATES)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("child finished").isTrue();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(abbreviated(out)).isZero();
        assertThat(out).contains("max_heap_mb=").doesNotContain("OutOfMemoryError");
        for (String line : out.lines().filter(l -> l.contains("bytes=")).toList()) {
            assertThat(line).contains("ok=true").contains("problems=[]");
        }
        assertThat(out.lines().filter(l -> l.contains("bytes="))).hasSize(3);
        assertThat(Files.size(dataDir.resolve("history/big_agent_history_20251201_151234.json")))
                .isGreaterThan(10L * 1024 * 1024);
        System.out.println(out);
    }
}
