package io.govflow.store.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.support.TestFiles;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference's own {@code agent_metadata.json} files (34 and 5 agents). */
class ReferenceMetadataTest {

    @TempDir
    Path temp;

    private final StoreJson json = new StoreJson();
    private final MetadataCodec codec = new MetadataCodec(json);

    @Test
    void bothFixtureFilesParseAndAreRewrittenInTheReferenceLayout() throws Exception {
        for (String fixture : new String[] {"reference-data", "reference-generated"}) {
            Path file = TestFiles.copyFixture(fixture, temp).resolve("agent_metadata.json");
            byte[] original = Files.readAllBytes(file);

            SortedMap<String, AgentRecord> records = codec.parse(original).records();
            byte[] rewritten = codec.format(records);

            assertThat(records).hasSize(fixture.equals("reference-data") ? 34 : 5);
            assertThat(records.values()).allSatisfy(r -> assertThat(r.apiKey()).hasSize(43));
            assertThat(codec.parse(rewritten).records()).isEqualTo(records);
            assertThat(new String(rewritten, StandardCharsets.UTF_8))
                    .isEqualTo(new String(original, StandardCharsets.UTF_8) + "\n");
        }
    }

    @Test
    void updatingOneAgentLeavesEveryOtherRecordAsItWas() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        DataDirectory dir = new DataDirectory(data);
        StoreHealth health = new StoreHealth();
        MetadataRepository metadata = new MetadataRepository(dir, new AtomicJsonWriter(new AtomicFileWriter(health),
                json), new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100)), codec);
        ObjectNode before = json.parseObject(Files.readAllBytes(dir.metadataFile()));

        metadata.update("emily_dickinson", r -> r.withNotes("migrated"));

        ObjectNode after = json.parseObject(Files.readAllBytes(dir.metadataFile()));
        assertThat(after.propertyNames()).containsExactlyElementsOf(before.propertyNames());
        for (String id : before.propertyNames()) {
            if (!id.equals("emily_dickinson")) {
                assertThat(after.get(id)).as(id).isEqualTo(before.get(id));
            }
        }
        assertThat(after.get("emily_dickinson").get("notes").stringValue()).isEqualTo("migrated");
    }
}
