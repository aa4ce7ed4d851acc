package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/agents/{id}/exports} (history as JSON or CSV, complete packages) of an agent that keeps
 * receiving updates. Checks: every acknowledged export file exists with the acknowledged size and passes the
 * export validator.
 */
public final class ExportsWorkload implements Workload {

    private final String agent;
    private volatile String key = "";
    private final List<Exported> acked = new CopyOnWriteArrayList<>();
    private final Answers answers = new Answers();

    private record Exported(String filePath, String filename, long size) {
    }

    public ExportsWorkload(String prefix) {
        this.agent = prefix + "_exporter";
    }

    @Override
    public String name() {
        return "exports";
    }

    @Override
    public void prepare(ApiClient client) {
        key = client.register(agent);
        for (int n = 0; n < 3; n++) {
            answers.unlessExplained(name(), client.post("/api/v1/agents/" + agent + "/updates", key, Map.of()));
        }
    }

    @Override
    public void step(ApiClient client, Random random) {
        if (random.nextBoolean()) {
            answers.unlessExplained(name(), client.post("/api/v1/agents/" + agent + "/updates", key,
                    Map.of("complexity", random.nextDouble())));
            return;
        }
        boolean csv = random.nextInt(3) == 0;
        boolean complete = !csv && random.nextInt(3) == 0;
        Reply reply = client.post("/api/v1/agents/" + agent + "/exports", key,
                Map.of("format", csv ? "csv" : "json", "complete_package", complete));
        if (Answers.acknowledged(reply)) {
            JsonNode body = reply.body();
            acked.add(new Exported(body.get("file_path").asString(), body.get("filename").asString(),
                    body.get("file_size_bytes").asLong()));
        } else {
            answers.unlessExplained(name(), reply);
        }
    }

    @Override
    public Check acknowledged() {
        List<Exported> exports = List.copyOf(acked);
        return (Path dataDir, ApiClient client) -> {
            for (Exported export : exports) {
                Path file = dataDir.resolve(export.filePath());
                assertThat(file).as("acknowledged export %s", export.filePath()).isRegularFile();
                assertThat(size(file)).as("size of %s", export.filePath()).isEqualTo(export.size());
            }
            if (!exports.isEmpty()) {
                Reply report = client.post("/api/v1/exports/validation", key, Map.of());
                assertThat(report.status()).as(report.raw()).isEqualTo(200);
                for (JsonNode file : report.body().get("files")) {
                    assertThat(file.get("ok").asBoolean()).as("export %s validates: %s", file.get("file"), file)
                            .isTrue();
                }
            }
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
