package io.govflow.store.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.govflow.support.TestFiles.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;

class TempFileSweeperTest {

    private static final long DEAD_PID = Integer.MAX_VALUE;
    private static final Duration MAX_AGE = Duration.ofMinutes(15);
    /** Older than {@link #MAX_AGE}: what a writer that died long ago leaves. */
    private static final Duration OLD = Duration.ofHours(1);

    @TempDir
    Path root;

    @Test
    void removesOnlyTempFilesOfDeadWriters() throws Exception {
        assertThat(ProcessHandle.of(DEAD_PID)).isEmpty();
        long alive = ProcessHandle.current().pid();
        Files.createDirectories(root.resolve("agents"));
        Files.createDirectories(root.resolve("workspace/workspace_a/agent_context"));
        touch(".agent_metadata.json.tmp-" + DEAD_PID + "-0123abcd");
        touch("agents/.a_state.json.tmp-" + DEAD_PID + "-ffee");
        touch("workspace/workspace_a/agent_context/.n.json.tmp-" + DEAD_PID + "-1");
        touch("agents/.b_state.json.tmp-" + alive + "-0123abcd");
        touch("agents/a_state.json");
        touch("agents/.a_state.lock");
        touch("agents/notes.tmp-" + DEAD_PID + "-1");

        int removed = sweeper(root).sweep();

        assertThat(removed).isEqualTo(3);
        assertThat(filesUnder(root)).containsExactly("agents/.a_state.lock",
                "agents/.b_state.json.tmp-" + alive + "-0123abcd", "agents/a_state.json",
                "agents/notes.tmp-" + DEAD_PID + "-1");
    }

    @Test
    void removesTheTempFileOfAWriterProcessThatExited() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        writer.getInputStream().readAllBytes();
        assertThat(writer.waitFor()).isZero();
        touch(".agent_metadata.json.tmp-" + writer.pid() + "-9f");

        assertThat(sweeper(root).sweep()).isEqualTo(1);
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void keepsAYoungTempFileWhosePidIsNotAliveHereForItsWriterMayLiveInAnotherPidNamespace() throws Exception {
        assertThat(ProcessHandle.of(DEAD_PID)).isEmpty();
        touch(".agent_metadata.json.tmp-" + DEAD_PID + "-young", Duration.ofMinutes(14));
        touch("agents/.a_state.json.tmp-" + DEAD_PID + "-fresh", Duration.ZERO);
        touch("agents/.b_state.json.tmp-" + DEAD_PID + "-old", Duration.ofMinutes(16));

        assertThat(sweeper(root).sweep()).isEqualTo(1);

        assertThat(filesUnder(root)).containsExactly(".agent_metadata.json.tmp-" + DEAD_PID + "-young",
                "agents/.a_state.json.tmp-" + DEAD_PID + "-fresh");
    }

    @Test
    void theMaximumAgeIsMeasuredOnTheGivenClock() throws Exception {
        touch(".agent_metadata.json.tmp-" + DEAD_PID + "-1", Duration.ofMinutes(5));
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(11)), java.time.ZoneOffset.UTC);

        assertThat(new TempFileSweeper(new DataDirectory(root), MAX_AGE, Clock.systemUTC()).sweep()).isZero();
        assertThat(new TempFileSweeper(new DataDirectory(root), MAX_AGE, later).sweep()).isEqualTo(1);
    }

    @Test
    void aMissingDataDirectoryIsNothingToSweep() {
        assertThat(sweeper(root.resolve("absent")).sweep()).isZero();
    }

    @Test
    void recognisesOnlyTheWritersNamePattern() {
        assertThat(TempFileSweeper.pidOf(".x.json.tmp-42-abc")).hasValue(42);
        assertThat(TempFileSweeper.pidOf("x.json.tmp-42-abc")).isEmpty();
        assertThat(TempFileSweeper.pidOf(".x.json.tmp-abc")).isEmpty();
    }

    private static TempFileSweeper sweeper(Path dataDir) {
        return new TempFileSweeper(new DataDirectory(dataDir), MAX_AGE, Clock.systemUTC());
    }

    private void touch(String relative) throws Exception {
        touch(relative, OLD);
    }

    private void touch(String relative, Duration age) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }
}
