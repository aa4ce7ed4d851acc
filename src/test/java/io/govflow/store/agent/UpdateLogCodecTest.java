package io.govflow.store.agent;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StoreJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateLogCodecTest {

    private final UpdateLogCodec codec = new UpdateLogCodec(new StoreJson());

    @Test
    void writesCompactJsonInTheDocumentedOrderWithACrcOfThePrefix() {
        UpdateLogEntry entry = new UpdateLogEntry(1, "2025-12-01T15:12:45.585896", 0.702, 0.809, 0.1815,
                -0.0030000000000000027, 0.6489500031499886, 0.397, "proceed", 0.125, 0.13, 0.21, "safe", false,
                "healthy", 1.0, 0.5, 0.3, 1.0, 0.0, 0.1, 0, null, null);
        String prefix = "{\"seq\":1,\"ts\":\"2025-12-01T15:12:45.585896\",\"E\":0.702,\"I\":0.809,\"S\":0.1815,"
                + "\"V\":-0.0030000000000000027,\"coherence\":0.6489500031499886,\"attention_score\":0.397,"
                + "\"decision\":\"proceed\",\"lambda1\":0.125,\"lambda1_after\":0.13,\"phi\":0.21,"
                + "\"verdict\":\"safe\",\"void_active\":false,\"status\":\"healthy\",\"confidence\":1.0,"
                + "\"complexity\":0.5,\"eta1\":0.3,\"C1\":1.0,\"pi_integral\":0.0,\"time\":0.1,"
                + "\"lambda1_update_skips\":0";

        String line = new String(codec.encode(entry), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo(prefix + ",\"crc\":\"" + crc32c(prefix) + "\"}\n");
    }

    @Test
    void optionalKeysComeBeforeTheCrcAndAreOmittedWhenNull() {
        UpdateLogEntry base = LogEntries.entry(3);
        UpdateLogEntry both = withKeys(base, "key-1", "sha256:ab");
        UpdateLogEntry keyOnly = withKeys(base, "key-1", null);

        assertThat(new String(codec.encode(both), StandardCharsets.UTF_8))
                .contains("\"lambda1_update_skips\":0,\"idempotency_key\":\"key-1\",\"request_hash\":\"sha256:ab\","
                        + "\"crc\":\"");
        assertThat(new String(codec.encode(keyOnly), StandardCharsets.UTF_8))
                .contains("\"idempotency_key\":\"key-1\",\"crc\":\"").doesNotContain("request_hash");
        assertThat(new String(codec.encode(base), StandardCharsets.UTF_8)).doesNotContain("idempotency_key");
    }

    @Test
    void agentStatusAndThresholdsComeAfterTheSkipsAndBeforeTheIdempotencyKey() {
        UpdateLogEntry e = LogEntries.entry(4);
        UpdateLogEntry full = new UpdateLogEntry(e.seq(), e.ts(), e.E(), e.I(), e.S(), e.V(), e.coherence(),
                e.attentionScore(), e.decision(), e.lambda1(), e.lambda1After(), e.phi(), e.verdict(), e.voidActive(),
                e.status(), e.confidence(), e.complexity(), e.eta1(), e.C1(), e.piIntegral(), e.time(),
                e.lambda1UpdateSkips(), AgentStatus.PAUSED, new LoggedThresholds(0.005, 0.01, 0.4, 0.15), "key-1",
                "sha256:ab");

        String line = new String(codec.encode(full), StandardCharsets.UTF_8);

        assertThat(line).contains("\"lambda1_update_skips\":0,\"agent_status\":\"paused\",\"thresholds\":{"
                + "\"risk_approve_threshold\":0.005,\"risk_revise_threshold\":0.01,"
                + "\"coherence_critical_threshold\":0.4,\"void_threshold_initial\":0.15},"
                + "\"idempotency_key\":\"key-1\",\"request_hash\":\"sha256:ab\",\"crc\":\"");
        byte[] bytes = codec.encode(full);
        assertThat(codec.decode(bytes, 0, bytes.length - 1)).isEqualTo(full);
        assertThat(new String(codec.encode(e), StandardCharsets.UTF_8)).doesNotContain("agent_status")
                .doesNotContain("thresholds");
    }

    @Test
    void aLineWithoutTheNewerOptionalKeysStillParses() {
        String prefix = "{\"seq\":1,\"ts\":\"2025-12-01T15:12:45.585896\",\"E\":0.702,\"I\":0.809,\"S\":0.1815,"
                + "\"V\":-0.003,\"coherence\":0.649,\"attention_score\":0.397,\"decision\":\"proceed\","
                + "\"lambda1\":0.125,\"lambda1_after\":0.13,\"phi\":0.21,\"verdict\":\"safe\",\"void_active\":false,"
                + "\"status\":\"healthy\",\"confidence\":1.0,\"complexity\":0.5,\"eta1\":0.3,\"C1\":1.0,"
                + "\"pi_integral\":0.0,\"time\":0.1,\"lambda1_update_skips\":0,\"idempotency_key\":\"k\"";
        byte[] line = (prefix + ",\"crc\":\"" + crc32c(prefix) + "\"}").getBytes(StandardCharsets.UTF_8);

        UpdateLogEntry entry = codec.decode(line, 0, line.length);

        assertThat(entry.agentStatus()).isNull();
        assertThat(entry.thresholds()).isNull();
        assertThat(entry.idempotencyKey()).isEqualTo("k");
    }

    @Test
    void decodesWhatItEncodes() {
        UpdateLogEntry entry = withKeys(LogEntries.entry(14), "k\"\\,\"crc\":\"", "sha256:00");
        byte[] line = codec.encode(entry);

        assertThat(codec.decode(line, 0, line.length - 1)).isEqualTo(entry);
    }

    @Test
    void anyChangedByteFailsVerification() {
        byte[] line = codec.encode(LogEntries.entry(2));
        int length = line.length - 1;
        assertThat(UpdateLogCodec.verify(line, 0, length)).isTrue();

        for (int i = 0; i < length; i++) {
            byte[] damaged = line.clone();
            damaged[i] ^= 0x01;
            assertThat(UpdateLogCodec.verify(damaged, 0, length)).as("byte %d", i).isFalse();
        }
        assertThat(UpdateLogCodec.verify(line, 0, length - 1)).isFalse();
        assertThat(UpdateLogCodec.verify(new byte[0], 0, 0)).isFalse();
        byte[] damaged = line.clone();
        damaged[10] ^= 0x01;
        assertThatThrownBy(() -> codec.decode(damaged, 0, length)).isInstanceOf(FileFormatException.class);
    }

    private static UpdateLogEntry withKeys(UpdateLogEntry e, String key, @Nullable String hash) {
        return new UpdateLogEntry(e.seq(), e.ts(), e.E(), e.I(), e.S(), e.V(), e.coherence(), e.attentionScore(),
                e.decision(), e.lambda1(), e.lambda1After(), e.phi(), e.verdict(), e.voidActive(), e.status(),
                e.confidence(), e.complexity(), e.eta1(), e.C1(), e.piIntegral(), e.time(), e.lambda1UpdateSkips(),
                key, hash);
    }

    private static String crc32c(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
