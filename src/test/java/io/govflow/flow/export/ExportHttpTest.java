package io.govflow.flow.export;

import static io.govflow.support.Replies.abbreviated;
import static io.govflow.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.govflow.support.FileStoreOnly;
import io.govflow.store.export.GeneratedLogs;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import tools.jackson.databind.JsonNode;

/** The export flow over real HTTP on a real data directory. */
@GovflowApp(args = {"--govflow.governance.loop-detection=false",
        "--govflow.security.admin-token=" + ExportHttpTest.ADMIN})
class ExportHttpTest {

    static final String ADMIN = "admin-token-for-export-tests";
    private static final int UPDATES = 2500;

    @DataDir
    static Path dataDir;

    static ApiClient client;
    static RunningApp app;
    static String longKey;

    @BeforeAll
    static void start() {
        longKey = client.register("long_agent");
        for (int n = 0; n < UPDATES; n++) {
            Reply reply = client.post("/api/v1/agents/long_agent/updates", longKey,
                    Map.of("complexity", 0.3 + (n % 5) * 0.1, "confidence", 0.9));
            assertThat(reply.status()).as("update %d", n).isEqualTo(200);
        }
    }

    @Test
    void historyJsonHoldsEveryUpdateWithGlobalSeqs() {
        Reply reply = client.get("/api/v1/agents/long_agent/history?format=json", longKey);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("format").asString()).isEqualTo("json");
        JsonNode doc = ApiClient.JSON.readTree(reply.body().get("history").asString());
        assertThat(fieldNames(doc)).containsExactly("agent_id", "timestamps", "E_history", "I_history",
                "S_history", "V_history", "coherence_history", "attention_history", "risk_history",
                "decision_history", "lambda1_history", "update_seq", "lambda1_final", "total_updates", "total_time");
        for (String array : List.of("timestamps", "E_history", "V_history", "attention_history", "risk_history",
                "decision_history", "lambda1_history", "update_seq")) {
            assertThat(doc.get(array).size()).as(array).isEqualTo(UPDATES);
        }
        List<Long> seqs = new ArrayList<>();
        doc.get("update_seq").forEach(n -> seqs.add(n.asLong()));
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, UPDATES).boxed().toList());
        assertThat(doc.get("total_updates").asLong()).isEqualTo(UPDATES);
    }

    @Test
    void historyCsvParsesWithAStandardReader() throws IOException {
        Reply reply = client.get("/api/v1/agents/long_agent/history?format=csv", longKey);
        assertThat(reply.status()).isEqualTo(200);
        String csv = reply.body().get("history").asString();
        assertThat(csv).contains("\r\n").doesNotContain("\n\n");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).values()).containsExactly("update", "timestamp", "E", "I", "S", "V", "coherence",
                "attention_score", "decision", "lambda1");
        List<CSVRecord> rows = records.subList(1, 1 + UPDATES);
        for (int k = 0; k < UPDATES; k++) {
            assertThat(rows.get(k).size()).isEqualTo(10);
            assertThat(rows.get(k).get(0)).isEqualTo(Integer.toString(k + 1));
        }
        assertThat(records.get(1 + UPDATES).values()).containsExactly("");
        List<CSVRecord> summary = records.subList(2 + UPDATES, records.size());
        assertThat(summary).extracting(r -> r.get(0)).containsExactly("Summary", "agent_id", "total_updates",
                "total_time", "lambda1_final");
        assertThat(summary).allSatisfy(r -> assertThat(r.size()).isEqualTo(10));
        assertThat(summary.get(1).get(1)).isEqualTo("long_agent");
        assertThat(summary.get(2).get(1)).isEqualTo(Integer.toString(UPDATES));
    }

    @Test
    void completePackageIsInSyncAndHasNoKey() throws IOException {
        Reply reply = client.post("/api/v1/agents/long_agent/exports", longKey, Map.of("complete_package", true));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.body();
        assertThat(body.get("file_path").asString()).startsWith("exports/long_agent_complete_package_")
                .endsWith(".json");
        assertThat(body.get("layers_included").toString()).isEqualTo("[\"metadata\",\"history\",\"validation\"]");
        Path file = dataDir.resolve(body.get("file_path").asString());
        assertThat(Files.size(file)).isEqualTo(body.get("file_size_bytes").asLong()).isPositive();
        String text = Files.readString(file);
        assertThat(text).doesNotContain("api_key").doesNotContain(longKey);
        JsonNode doc = ApiClient.JSON.readTree(text);
        assertThat(fieldNames(doc)).containsExactly("agent_id", "exported_at", "export_type", "layers",
                "validation");
        JsonNode validation = doc.get("validation");
        for (String check : List.of("metadata_exists", "history_exists", "metadata_history_sync",
                "last_update_matches", "arrays_same_length", "timestamps_iso", "history_complete")) {
            assertThat(validation.get(check).asBoolean()).as(check).isTrue();
        }
        assertThat(doc.get("layers").get("history").get("E_history").size()).isEqualTo(UPDATES);
    }

    @Test
    void historyDownloadStreamsTheDocument() {
        Reply json = client.get("/api/v1/agents/long_agent/history/download?format=json", longKey);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"long_agent_history_");
        assertThat(json.body().get("update_seq").size()).isEqualTo(UPDATES);
        Reply csv = client.get("/api/v1/agents/long_agent/history/download?format=csv", longKey);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("update,timestamp,E,I,S,V,coherence,attention_score,decision,lambda1\r\n");
    }

    @Test
    void sameSecondExportsGetSuffixesAndCustomNamesAreNeverOverwrittenSilently() throws IOException {
        String key = client.register("names_agent");
        client.post("/api/v1/agents/names_agent/updates", key, Map.of());
        List<String> paths = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Reply reply = client.post("/api/v1/agents/names_agent/exports", key, Map.of("format", "csv"));
            assertThat(reply.status()).isEqualTo(201);
            paths.add(reply.body().get("file_path").asString());
        }
        assertThat(paths).doesNotHaveDuplicates();
        assertThat(paths).allSatisfy(p -> assertThat(dataDir.resolve(p)).isRegularFile());
        Map<String, List<String>> byStamp = new HashMap<>();
        for (String p : paths) {
            byStamp.computeIfAbsent(p.substring(0, "history/names_agent_history_yyyyMMdd_HHmmss".length()),
                    k -> new ArrayList<>()).add(p.substring("history/names_agent_history_yyyyMMdd_HHmmss".length()));
        }
        byStamp.values().forEach(suffixes -> assertThat(suffixes).containsExactlyElementsOf(
                List.of(".csv", "_2.csv", "_3.csv").subList(0, suffixes.size())));

        Reply first = client.post("/api/v1/agents/names_agent/exports", key, Map.of("filename", "weekly"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("file_path").asString()).isEqualTo("history/weekly.json");
        Reply again = client.post("/api/v1/agents/names_agent/exports", key, Map.of("filename", "weekly"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("error_code").asString()).isEqualTo("EXPORT_EXISTS");
        assertThat(again.body().get("details").get("file_path").asString()).isEqualTo("history/weekly.json");

        client.post("/api/v1/agents/names_agent/updates", key, Map.of());
        Reply replaced = client.post("/api/v1/agents/names_agent/exports", key,
                Map.of("filename", "weekly", "overwrite", true));
        assertThat(replaced.status()).isEqualTo(201);
        JsonNode doc = ApiClient.JSON.readTree(Files.readString(dataDir.resolve("history/weekly.json")));
        assertThat(doc.get("total_updates").asLong()).isEqualTo(2);

        Reply pkg = client.post("/api/v1/agents/names_agent/exports", key,
                Map.of("filename", "weekly", "complete_package", true));
        assertThat(pkg.body().get("file_path").asString()).isEqualTo("exports/weekly_complete.json");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void badInputGetsTheRightCodesAndWritesNothingElsewhere() throws IOException {
        String key = client.register("bad_input_agent");
        // checkpoints of earlier tests' updates are written now, not in the middle of the comparison
        app.flushCheckpoints();
        Map<String, String> before = snapshotOutsideExports();
        assertError(client.get("/api/v1/agents/bad_input_agent/history?format=xml", key), 400,
                "UNSUPPORTED_EXPORT_FORMAT");
        assertError(client.get("/api/v1/agents/bad_input_agent/history/download?format=xml", key), 400,
                "UNSUPPORTED_EXPORT_FORMAT");
        assertError(export(key, Map.of("format", "xml")), 400, "UNSUPPORTED_EXPORT_FORMAT");
        assertError(export(key, Map.of("format", "csv", "complete_package", true)), 400,
                "UNSUPPORTED_EXPORT_FORMAT");
        for (String name : List.of("../x", "a/b", "x.json", "x".repeat(101), "", "..", "/etc/passwd", "-x",
                "a\u0000b", "ａｂ", "x y")) {
            assertError(export(key, Map.of("filename", name)), 400, "INVALID_FILENAME");
        }
        assertThat(export(key, Map.of("filename", "x".repeat(100))).status()).isEqualTo(201);
        assertError(client.post("/api/v1/agents/nobody_here/exports", ADMIN, Map.of()), 404, "AGENT_NOT_FOUND");
        assertError(client.post("/api/v1/agents/nobody_here/exports", key, Map.of()), 404, "AGENT_NOT_FOUND");
        assertError(client.get("/api/v1/agents/nobody_here/history", key), 404, "AGENT_NOT_FOUND");
        assertError(client.get("/api/v1/agents/bad%2Fid/history", key), 400, null);
        assertError(client.post("/api/v1/agents/bad_input_agent/exports", null, Map.of()), 401,
                "AUTHENTICATION_REQUIRED");
        assertError(client.post("/api/v1/agents/bad_input_agent/exports", longKey, Map.of()), 401,
                "AUTHENTICATION_FAILED");
        assertError(export(key, Map.of("unknown_field", 1)), 400, "VALIDATION_FAILED");
        assertError(export(key, "{not json"), 400, "MALFORMED_JSON");
        assertError(client.get("/api/v1/exports/history/..%2Fagent_metadata.json", key), 400, null);
        assertError(client.get("/api/v1/exports/history/agent_metadata.json", key), 404, "EXPORT_NOT_FOUND");
        assertError(client.get("/api/v1/exports/bogus/x.json", key), 400, "VALIDATION_FAILED");
        assertError(client.get("/api/v1/exports/history/.hidden.json", key), 400, "INVALID_FILENAME");
        assertThat(snapshotOutsideExports()).isEqualTo(before);
    }

    @FileStoreOnly
    @Test
    void inlineHistoryAboveTheLimitPointsToTheDownload() throws IOException {
        Path log = dataDir.resolve("agents/long_agent_updates.jsonl");
        assertThat(log).exists();
        String key = client.register("huge_agent");
        writeLargeLog("huge_agent", 80_000);
        Reply reply = client.get("/api/v1/agents/huge_agent/history?format=json", key);
        assertError(reply, 413, "EXPORT_TOO_LARGE");
        assertThat(reply.body().get("details").get("download").asString())
                .isEqualTo("/api/v1/agents/huge_agent/history/download?format=json");
        assertThat(reply.body().get("recovery").get("related_tools").toString()).contains("downloadHistory");
        Reply download = client.get("/api/v1/agents/huge_agent/history/download", key);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().length()).isGreaterThan(8 * 1024 * 1024);
    }

    @Test
    void listAndDownloadExports() {
        String key = client.register("listed_agent");
        client.post("/api/v1/agents/listed_agent/updates", key, Map.of());
        Reply made = client.post("/api/v1/agents/listed_agent/exports", key, Map.of("filename", "listed_custom"));
        assertThat(made.status()).isEqualTo(201);
        Reply list = client.get("/api/v1/exports?agent_id=listed_agent", key);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("exports").size()).isEqualTo(1);
        JsonNode entry = list.body().get("exports").get(0);
        assertThat(entry.get("filename").asString()).isEqualTo("listed_custom.json");
        assertThat(entry.get("agent_id").asString()).isEqualTo("listed_agent");
        assertThat(entry.get("kind").asString()).isEqualTo("history");
        Reply file = client.get("/api/v1/exports/history/listed_custom.json", key);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().get("agent_id").asString()).isEqualTo("listed_agent");
        assertError(client.get("/api/v1/exports?kind=nope", key), 400, "VALIDATION_FAILED");
    }

    @Test
    void everyExportWeWriteValidates() {
        String key = client.register("valid_agent");
        for (int n = 0; n < 3; n++) {
            client.post("/api/v1/agents/valid_agent/updates", key, Map.of());
        }
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("format", "csv"),
                Map.of("complete_package", true), Map.of("filename", "valid_custom", "format", "csv"))) {
            assertThat(client.post("/api/v1/agents/valid_agent/exports", key, body).status()).isEqualTo(201);
        }
        Reply report = client.post("/api/v1/exports/validation", key, Map.of());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("totals").get("files").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(report.body().get("totals").get("errors").asLong()).as(abbreviated(report.raw())).isZero();
        Reply one = client.post("/api/v1/exports/validation", key, Map.of("filename", "valid_custom.csv"));
        assertThat(one.body().get("files").get(0).get("ok").asBoolean()).isTrue();
        assertThat(one.body().get("files").get(0).get("problems").size()).isZero();
        assertError(client.post("/api/v1/exports/validation", key, Map.of("filename", "missing.csv")), 404,
                "EXPORT_NOT_FOUND");
        assertError(client.post("/api/v1/exports/validation", key, Map.of("filename", "../x.csv")), 400,
                "INVALID_FILENAME");
    }

    @Test
    void openApiDocumentsEveryExportEndpoint() {
        JsonNode paths = client.get("/v3/api-docs", null).body().get("paths");
        for (String path : List.of("/api/v1/agents/{id}/history", "/api/v1/agents/{id}/history/download",
                "/api/v1/agents/{id}/exports", "/api/v1/exports", "/api/v1/exports/{kind}/{filename}",
                "/api/v1/exports/validation")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode post = paths.get("/api/v1/agents/{id}/exports").get("post");
        assertThat(post.get("operationId").asString()).isEqualTo("exportHistory");
        assertThat(post.get("responses").get("409").toString()).contains("EXPORT_EXISTS");
        assertThat(post.get("responses").get("400").toString()).contains("INVALID_FILENAME")
                .contains("UNSUPPORTED_EXPORT_FORMAT");
        assertThat(paths.get("/api/v1/agents/{id}/history").get("get").get("responses").get("413").toString())
                .contains("EXPORT_TOO_LARGE");
    }

    static void writeLargeLog(String agentId, int entries) {
        GeneratedLogs.write(dataDir, agentId, entries);
    }

    private static Reply export(String key, Object body) {
        return client.post("/api/v1/agents/bad_input_agent/exports", key, body);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static List<Path> tempFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            return paths.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
        }
    }

    /** Every file outside history/ and exports/ except the agents' own (updates happen in parallel tests). */
    private static Map<String, String> snapshotOutsideExports() throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.filter(Files::isRegularFile).forEach(p -> {
                String rel = dataDir.relativize(p).toString();
                if (!rel.startsWith("history") && !rel.startsWith("exports") && !rel.startsWith("agents")
                        && !rel.equals("agent_metadata.json")) {
                    files.put(rel, Long.toString(p.toFile().length()));
                }
            });
        }
        return files;
    }
}
