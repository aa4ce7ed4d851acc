package io.govflow.store.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The tenant directory: names, links, reads that create nothing, the manifest and the envelope's byte order. */
class ContextRepositoryTest {

    @TempDir
    Path dataDir;

    private final StoreJson json = new StoreJson();

    private ContextRepository repository() {
        StoreHealth health = new StoreHealth();
        DataDirectory directory = new DataDirectory(dataDir, health);
        return new ContextRepository(directory, new AtomicFileWriter(health),
                new LockManager(directory, Duration.ofSeconds(2), Duration.ofMillis(50)), health, json);
    }

    private ContextEnvelope envelope(String agent, String type) {
        ObjectNode d = json.object().put("b", 1).put("a", "é");
        ObjectNode m = json.object().put("db", 0).put("sb", 2);
        m.putArray("q").add("hint");
        return new ContextEnvelope("1.1", type, agent, "2026-01-05T10:00:00.000000", "w", json.object(), d,
                json.object(), m);
    }

    @Test
    void envelopeIsWrittenCompactInTheFixedKeyOrder() {
        ContextEnvelopeCodec codec = new ContextEnvelopeCodec(json);
        String text = new String(codec.encode(envelope("agent_x", "p.q")), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"v\":\"1.1\",\"t\":\"p.q\",\"u\":\"agent_x\",\"ts\":\"2026-01-05T10:00:00.000000\","
                + "\"src\":\"w\",\"dc\":{},\"d\":{\"b\":1,\"a\":\"é\"},\"s\":{},\"m\":{\"db\":0,\"sb\":2,\"q\":[\"hint\"]}}");
        ContextEnvelope legacy = new ContextEnvelope("1.0", "p.q", "agent_x", "t", "w", null, json.object(),
                json.object(), json.object());
        assertThat(new String(codec.encode(legacy), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":\"1.0\",\"t\":\"p.q\",\"u\":\"agent_x\",\"ts\":\"t\",\"src\":\"w\",\"d\":{},\"s\":{},\"m\":{}}");
        assertThat(new CanonicalJson(json).canonicalBytes(json.object().put("b", 1).put("a", "é")))
                .isEqualTo("{\"a\":\"é\",\"b\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOfAnUnknownTenantCreateNothing() throws Exception {
        ContextRepository repository = repository();
        assertThat(repository.readDocument("agent_x", "p.q")).isEmpty();
        assertThat(repository.storedTypes("agent_x")).isEmpty();
        assertThat(repository.manifest("agent_x").documents()).isEmpty();
        try (var files = Files.list(dataDir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void typesThatCouldLeaveTheDirectoryOrCollideAreRefused() {
        ContextRepository repository = repository();
        for (String type : List.of("../x", "a/b", "a..b", ".x", "x.", "X", "x.prev", "prev", "_manifest", "")) {
            assertThatThrownBy(() -> repository.writeDocument("agent_x", type, new byte[] {'{', '}'}))
                    .as(type).isInstanceOf(GovflowException.class)
                    .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_CONTEXT_TYPE);
        }
        assertThatThrownBy(() -> repository.readDocument("../agent", "p.q")).isInstanceOf(GovflowException.class)
                .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_AGENT_ID);
        assertThat(dataDir.toFile().list()).isEmpty();
    }

    @Test
    void symbolicLinksAreNeverFollowed() throws Exception {
        ContextRepository repository = repository();
        Path outside = Files.createDirectories(dataDir.resolve("outside"));
        Files.writeString(outside.resolve("p.q.json"), "{\"secret\":1}");
        Path tenant = dataDir.resolve("workspace").resolve("workspace_agent_l");
        Files.createDirectories(tenant);
        Files.createSymbolicLink(tenant.resolve("agent_context"), outside);
        assertThat(repository.readDocument("agent_l", "p.q")).isEmpty();
        assertThatThrownBy(() -> repository.writeDocument("agent_l", "p.q", new byte[] {'{', '}'}))
                .isInstanceOf(GovflowException.class);
        assertThat(Files.readString(outside.resolve("p.q.json"))).isEqualTo("{\"secret\":1}");

        Path real = dataDir.resolve("workspace").resolve("workspace_agent_f").resolve("agent_context");
        Files.createDirectories(real);
        Files.createSymbolicLink(real.resolve("p.q.json"), outside.resolve("p.q.json"));
        assertThat(repository.readDocument("agent_f", "p.q")).isEmpty();
        assertThat(repository.storedTypes("agent_f")).isEmpty();
    }

    @Test
    void aDamagedManifestIsRebuiltFromTheDocuments() throws Exception {
        ContextRepository repository = repository();
        ContextEnvelopeCodec codec = new ContextEnvelopeCodec(json);
        repository.writeDocument("agent_m", "p.q", codec.encode(envelope("agent_m", "p.q")));
        repository.writeDocument("agent_m", "r.s", codec.encode(envelope("agent_m", "r.s")));
        repository.writePrevious("agent_m", "r.s", codec.encode(envelope("agent_m", "r.s")));
        repository.writeDocument("agent_m", "o.t", codec.encode(envelope("agent_other", "o.t")));
        Path manifest = dataDir.resolve("workspace/workspace_agent_m/agent_context/_manifest.json");
        Files.writeString(manifest, "{\"v\": \"1.1\", \"u\": ");
        ContextManifest rebuilt = repository.manifest("agent_m");
        assertThat(rebuilt.documents().keySet()).containsExactly("p.q", "r.s");
        assertThat(rebuilt.documents().get("p.q").q()).containsExactly("hint");

        repository.writeManifest(rebuilt.with("x.y", new ManifestEntry("ts", "w", 1, 2, "sha256:00", List.of(),
                List.of(new ManifestEntry.Related("p.q", "companion"))), "2026-01-05T10:00:00.000000"));
        assertThat(repository.manifest("agent_m").documents().keySet()).containsExactly("p.q", "r.s", "x.y");
        Map<String, Object> onDisk = new TreeMap<>();
        json.parseObject(Files.readAllBytes(manifest)).properties().forEach(e -> onDisk.put(e.getKey(), e));
        assertThat(onDisk).containsOnlyKeys("v", "u", "updated_at", "documents");
        assertThat(Files.readString(manifest)).startsWith("{\n  \"v\": \"1.1\",\n  \"u\": \"agent_m\",");
    }
}
