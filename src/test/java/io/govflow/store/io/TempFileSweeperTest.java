package io.govflow.store.io;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.govflow.support.TestFiles.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;

class TempFileSweeperTest {

    private static final long DEAD_PID = Integer.MAX_VALUE;

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

        int removed = new TempFileSweeper(new DataDirectory(root)).sweep();

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

        assertThat(new TempFileSweeper(new DataDirectory(root)).sweep()).isEqualTo(1);
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aMissingDataDirectoryIsNothingToSweep() {
        assertThat(new TempFileSweeper(new DataDirectory(root.resolve("absent"))).sweep()).isZero();
    }

    @Test
    void recognisesOnlyTheWritersNamePattern() {
        assertThat(TempFileSweeper.pidOf(".x.json.tmp-42-abc")).hasValue(42);
        assertThat(TempFileSweeper.pidOf("x.json.tmp-42-abc")).isEmpty();
        assertThat(TempFileSweeper.pidOf(".x.json.tmp-abc")).isEmpty();
    }

    private void touch(String relative) throws Exception {
        Files.writeString(root.resolve(relative), "");
    }
}
