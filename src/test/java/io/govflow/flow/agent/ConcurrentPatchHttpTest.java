package io.govflow.flow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.govflow.store.agent.AgentRecord;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent edits from two threads: with the same If-Match exactly one wins and the other gets 412 (the check
 * and the write are one step under the metadata lock); without If-Match every field either thread wrote is kept.
 */
class ConcurrentPatchHttpTest {

    private static final int ROUNDS = 25;

    @TempDir
    Path dataDir;

    @Test
    void sameIfMatchFromTwoThreadsLetsExactlyOneWin() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir)) {
            ApiClient client = app.client();
            String key = client.register("contested_agent");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    String etag = client.get("/api/v1/agents/contested_agent", key).headers().firstValue("ETag")
                            .orElseThrow();
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Future<Integer>> results = new ArrayList<>();
                    for (String writer : List.of("left", "right")) {
                        String tag = writer + "_" + round;
                        results.add(pool.submit(() -> {
                            start.await();
                            return client.send("PATCH", "/api/v1/agents/contested_agent", key,
                                    Map.of("tags", List.of(tag)), Map.of("If-Match", etag)).status();
                        }));
                    }
                    List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
                    assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void withoutIfMatchNoFieldWrittenByEitherThreadIsLost() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir)) {
            ApiClient client = app.client();
            String key = client.register("merged_agent");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CyclicBarrier start = new CyclicBarrier(2);
            try {
                Future<List<Integer>> tagger = pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int n = 0; n < ROUNDS; n++) {
                        statuses.add(patch(client, key, Map.of("tags", List.of("tag_" + n))).status());
                    }
                    return statuses;
                });
                Future<List<Integer>> noter = pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int n = 0; n < ROUNDS; n++) {
                        statuses.add(patch(client, key, Map.of("append_notes", "note " + n)).status());
                    }
                    return statuses;
                });
                assertThat(tagger.get()).containsOnly(200);
                assertThat(noter.get()).containsOnly(200);
            } finally {
                pool.shutdown();
            }
            AgentRecord record = new StoreInvariants(dataDir).agents().get("merged_agent");
            assertThat(record.tags()).containsExactly("tag_" + (ROUNDS - 1));
            List<String> lines = List.of(record.notes().split("\n"));
            assertThat(lines).hasSize(ROUNDS);
            for (int n = 0; n < ROUNDS; n++) {
                assertThat(lines.get(n)).endsWith("] note " + n);
            }
        }
    }

    private static Reply patch(ApiClient client, String key, Map<String, Object> body) {
        return client.send("PATCH", "/api/v1/agents/merged_agent", key, body, Map.of());
    }
}
