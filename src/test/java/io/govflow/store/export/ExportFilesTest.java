package io.govflow.store.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/** Export file names and the never-replace write on the real file system. */
class ExportFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void automaticNamesTakeTheNextFreeSuffixAndNeverReplaceAFile() throws Exception {
        ExportStore store = new ExportStore(dataDir);
        String base = ExportNames.historyBase("same_second", "20251201_151234");
        List<Path> written = Stream.of("one", "two", "three").map(text -> store.exportFiles.createNew(
                ExportKind.HISTORY, ExportNames.automatic(base, ExportFormat.JSON).iterator(),
                out -> out.write(text.getBytes(StandardCharsets.UTF_8))).orElseThrow()).toList();
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "same_second_history_20251201_151234.json", "same_second_history_20251201_151234_2.json",
                "same_second_history_20251201_151234_3.json");
        assertThat(Files.readString(written.get(0))).isEqualTo("one");
        Optional<Path> refused = store.exportFiles.createNew(ExportKind.HISTORY, List.of(
                "same_second_history_20251201_151234.json").iterator(), out -> out.write('x'));
        assertThat(refused).isEmpty();
        assertThat(Files.readString(written.get(0))).isEqualTo("one");
        try (Stream<Path> files = Files.list(dataDir.resolve("history"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void namesOutsideTheAllowListNeverBecomePaths() {
        for (String stem : List.of("../x", "a/b", "x.json", "x".repeat(101), "", "_x", "a b", "a\\b", "ａ")) {
            assertThatThrownBy(() -> ExportNames.requireStem(stem)).isInstanceOf(GovflowException.class)
                    .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_FILENAME);
        }
        ExportStore store = new ExportStore(dataDir);
        for (String name : List.of("../agent_metadata.json", "..json", ".x.json", "x.txt", "a/b.json", "/x.json")) {
            assertThatThrownBy(() -> store.exportFiles.resolve(ExportKind.HISTORY, name))
                    .isInstanceOf(GovflowException.class);
        }
        assertThat(store.exportFiles.resolve(ExportKind.PACKAGE, "x_complete.json"))
                .isEqualTo(dataDir.toAbsolutePath().resolve("exports/x_complete.json"));
    }

    @Test
    void nameChecksOfTheValidator() {
        assertThat(ExportNames.check(ExportKind.HISTORY, "a_b_history_20251201_151234_2.csv").agentId())
                .contains("a_b");
        assertThat(ExportNames.check(ExportKind.HISTORY, "a_history_20251301_151234.json").stampValid()).isFalse();
        assertThat(ExportNames.check(ExportKind.HISTORY, "weekly.json").documented()).isTrue();
        assertThat(ExportNames.check(ExportKind.PACKAGE, "weekly.json").documented()).isFalse();
        assertThat(ExportNames.check(ExportKind.PACKAGE, "weekly_complete.json").documented()).isTrue();
        assertThat(ExportNames.check(ExportKind.PACKAGE, "a_complete_package_20251201_151299.json").stampValid())
                .isFalse();
    }
}
