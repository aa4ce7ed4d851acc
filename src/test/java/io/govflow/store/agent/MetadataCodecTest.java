package io.govflow.store.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataCodecTest {

    private final StoreJson json = new StoreJson();
    private final MetadataCodec codec = new MetadataCodec(json);

    @Test
    void statusSeqFollowsStatusWhenSetAndIsAbsentOtherwise() {
        AgentRecord plain = AgentRecord.newAgent("seq_agent", "2025-12-01T09:00:00.000000", null);
        AgentRecord stamped = plain.withStatus(AgentStatus.ARCHIVED).withStatusSeq(42);

        String withSeq = new String(codec.format(new TreeMap<>(Map.of("seq_agent", stamped))), StandardCharsets.UTF_8);
        String without = new String(codec.format(new TreeMap<>(Map.of("seq_agent", plain))), StandardCharsets.UTF_8);

        assertThat(withSeq).contains("\"status\": \"archived\",\n    \"status_seq\": 42,\n    \"created_at\"");
        assertThat(without).doesNotContain("status_seq");
        assertThat(codec.parse(withSeq.getBytes(StandardCharsets.UTF_8)).records().get("seq_agent").statusSeq()).isEqualTo(42L);
        assertThat(codec.parse(without.getBytes(StandardCharsets.UTF_8)).records().get("seq_agent").statusSeq()).isNull();
        assertThat(codec.parse(withSeq.getBytes(StandardCharsets.UTF_8)).records().get("seq_agent").unknownFields()).isEmpty();
    }

    @Test
    void writesRecordsSortedByIdInTheDocumentedFieldOrder() {
        AgentRecord b = AgentRecord.newAgent("b_agent", "2025-12-01T10:00:00.000001", "sha256:" + "0".repeat(64));
        JsonNode extra = json.mapper().getNodeFactory().numberNode(3);
        AgentRecord a = AgentRecord.newAgent("A_agent", "2025-12-01T09:00:00.000000", null)
                .withTags(List.of("pioneer"))
                .withLifecycleEvent(new LifecycleEvent("resumed", "2025-12-01T09:30:00.000000", "review passed",
                        List.of("lower complexity"), Map.of("reviewer", json.mapper().getNodeFactory()
                                .stringNode("r1"))))
                .withRecentDecisions(List.of("proceed", "pause"))
                .withTotalUpdates(2);
        a = new AgentRecord(a.agentId(), a.status(), a.createdAt(), a.lastUpdate(), a.version(), a.totalUpdates(),
                a.tags(), a.notes(), a.lifecycleEvents(), a.pausedAt(), a.archivedAt(), a.parentAgentId(),
                a.spawnReason(), a.apiKey(), a.recentUpdateTimestamps(), a.recentDecisions(), a.loopDetectedAt(),
                a.loopCooldownUntil(), a.lastResponseAt(), a.responseCompleted(),
                Map.of("locked_persistence_count", extra));
        SortedMap<String, AgentRecord> records = new TreeMap<>(Map.of("b_agent", b, "A_agent", a));

        String text = new String(codec.format(records), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                {
                  "A_agent": {
                    "agent_id": "A_agent",
                    "status": "active",
                    "created_at": "2025-12-01T09:00:00.000000",
                    "last_update": "2025-12-01T09:00:00.000000",
                    "version": "v1.0",
                    "total_updates": 2,
                    "tags": [
                      "pioneer"
                    ],
                    "notes": "",
                    "lifecycle_events": [
                      {
                        "event": "created",
                        "timestamp": "2025-12-01T09:00:00.000000",
                        "reason": null
                      },
                      {
                        "event": "resumed",
                        "timestamp": "2025-12-01T09:30:00.000000",
                        "reason": "review passed",
                        "conditions": [
                          "lower complexity"
                        ],
                        "reviewer": "r1"
                      }
                    ],
                    "paused_at": null,
                    "archived_at": null,
                    "parent_agent_id": null,
                    "spawn_reason": null,
                    "api_key": null,
                    "recent_update_timestamps": [],
                    "recent_decisions": [
                      "proceed",
                      "pause"
                    ],
                    "loop_detected_at": null,
                    "loop_cooldown_until": null,
                    "last_response_at": null,
                    "response_completed": false,
                    "locked_persistence_count": 3
                  },
                  "b_agent": {
                    "agent_id": "b_agent",
                    "status": "active",
                    "created_at": "2025-12-01T10:00:00.000001",
                    "last_update": "2025-12-01T10:00:00.000001",
                    "version": "v1.0",
                    "total_updates": 0,
                    "tags": [],
                    "notes": "",
                    "lifecycle_events": [
                      {
                        "event": "created",
                        "timestamp": "2025-12-01T10:00:00.000001",
                        "reason": null
                      }
                    ],
                    "paused_at": null,
                    "archived_at": null,
                    "parent_agent_id": null,
                    "spawn_reason": null,
                    "api_key": "sha256:0000000000000000000000000000000000000000000000000000000000000000",
                    "recent_update_timestamps": [],
                    "recent_decisions": [],
                    "loop_detected_at": null,
                    "loop_cooldown_until": null,
                    "last_response_at": null,
                    "response_completed": false
                  }
                }
                """);
        assertThat(codec.parse(codec.format(records)).records()).isEqualTo(records);
    }

    @Test
    void fieldsAddedByLaterVersionsTakeDefaults() {
        SortedMap<String, AgentRecord> records = codec.parse(bytes("""
                {"old": {"agent_id": "old", "status": "archived", "created_at": "2025-11-20T00:11:00.1",
                         "last_update": "2025-11-20T00:12:00.2", "version": "v1.0", "total_updates": 3,
                         "tags": [], "notes": "", "lifecycle_events": []}}
                """)).records();

        AgentRecord old = records.get("old");
        assertThat(old.status()).isEqualTo(AgentStatus.ARCHIVED);
        assertThat(old.createdAt()).isEqualTo("2025-11-20T00:11:00.1");
        assertThat(old.apiKey()).isNull();
        assertThat(old.recentUpdateTimestamps()).isEmpty();
        assertThat(old.responseCompleted()).isFalse();
        assertThat(old.unknownFields()).isEmpty();
    }

    @Test
    void aFileThatIsNotAnObjectOfAgentsIsAFormatError() {
        for (String bad : List.of("", "[]", "3", "{\"a\": 1")) {
            assertThatThrownBy(() -> codec.parse(bytes(bad))).as(bad).isInstanceOf(FileFormatException.class);
        }
    }

    @Test
    void aRecordThatCannotBeReadIsKeptAsideAndWrittenBackAsStored() {
        String good = "\"ok\": {\"created_at\": \"t\", \"last_update\": \"t\"}";
        for (String bad : List.of("1", "{\"last_update\": \"t\"}",
                "{\"created_at\": \"t\", \"last_update\": \"t\", \"total_updates\": \"many\"}",
                "{\"created_at\": \"t\", \"last_update\": \"t\", \"lifecycle_events\": [{\"timestamp\": \"t\"}]}",
                "{\"created_at\": \"t\", \"last_update\": \"t\", \"lifecycle_events\": [3]}",
                "{\"created_at\": \"t\", \"last_update\": [\"t\"]}")) {
            MetadataFile file = codec.parse(bytes("{\"a\": " + bad + ", " + good + "}"));
            assertThat(file.records()).as(bad).containsOnlyKeys("ok");
            assertThat(file.damaged()).as(bad).containsOnlyKeys("a");
            assertThat(file.damaged().get("a").problem()).as(bad).isNotBlank();
            MetadataFile again = codec.parse(codec.format(file));
            assertThat(again.damaged().get("a").stored()).as(bad).isEqualTo(file.damaged().get("a").stored());
            assertThat(again.records()).isEqualTo(file.records());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
