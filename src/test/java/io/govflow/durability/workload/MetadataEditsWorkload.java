package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.govflow.store.agent.AgentRecord;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.StoreInvariants;

/**
 * {@code PATCH /api/v1/agents/{id}}: {@code append_notes} with unique words (every acknowledged word must be in
 * the notes — from either service of a two-process run, nothing lost) and {@code tags} replacements, which the
 * workload serializes per agent so that the last acknowledged one has the highest number (the stored tags may
 * only be that one or a later, unacknowledged one).
 */
public final class MetadataEditsWorkload implements Workload {

    private static final int AGENTS = 2;

    private final String prefix;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Set<String> ackedWords = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedWords = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> ackedTag = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> tagWriters = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final Answers answers = new Answers();

    public MetadataEditsWorkload(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "metadata edits";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public void prepare(ApiClient client) {
        for (int a = 0; a < AGENTS; a++) {
            String id = agent(a);
            keys.put(id, client.register(id));
            tagWriters.put(id, new ReentrantLock());
        }
    }

    @Override
    public void step(ApiClient client, Random random) {
        String agent = agent(random.nextInt(AGENTS));
        long n = counter.incrementAndGet();
        ReentrantLock tags = tagWriters.get(agent);
        if (random.nextInt(4) == 0 && tags.tryLock()) {
            try {
                Reply reply = patch(client, agent, Map.of("tags", List.of("harness", "t" + n)));
                if (Answers.acknowledged(reply)) {
                    ackedTag.put(agent, n);
                } else {
                    answers.unlessExplained(name(), reply);
                }
            } finally {
                tags.unlock();
            }
            return;
        }
        String word = prefix + "w" + n + "x";
        Reply reply = patch(client, agent, Map.of("append_notes", word));
        if (Answers.acknowledged(reply)) {
            ackedWords.add(agent + "/" + word);
        } else {
            refusedWords.add(agent + "/" + word);
            answers.unlessExplained(name(), reply);
        }
    }

    private Reply patch(ApiClient client, String agent, Map<String, Object> body) {
        return client.send("PATCH", "/api/v1/agents/" + agent, keys.get(agent), body, Map.of());
    }

    @Override
    public Check acknowledged() {
        Set<String> words = new HashSet<>(ackedWords);
        Map<String, Long> tags = new HashMap<>(ackedTag);
        return (Path dataDir, ApiClient client) -> {
            Map<String, AgentRecord> records = new StoreInvariants(dataDir).agents();
            for (String entry : words) {
                String agent = entry.substring(0, entry.indexOf('/'));
                String word = entry.substring(entry.indexOf('/') + 1);
                assertThat(records.get(agent).notes()).as("acknowledged note of %s", agent).contains(word);
            }
            for (Map.Entry<String, Long> tag : tags.entrySet()) {
                List<String> stored = records.get(tag.getKey()).tags();
                long number = stored.stream().filter(t -> t.startsWith("t")).mapToLong(t -> Long.parseLong(t.substring(1)))
                        .findFirst().orElse(-1);
                assertThat(number).as("tags of %s: the last acknowledged or a later write", tag.getKey())
                        .isGreaterThanOrEqualTo(tag.getValue());
            }
        };
    }

    /** Also: no word whose request was refused (a definite failure) made it into the notes. */
    @Override
    public Check acknowledgedExactly() {
        Check acknowledged = acknowledged();
        Set<String> refused = new HashSet<>(refusedWords);
        return (Path dataDir, ApiClient client) -> {
            acknowledged.verify(dataDir, client);
            Map<String, AgentRecord> records = new StoreInvariants(dataDir).agents();
            for (String entry : refused) {
                String agent = entry.substring(0, entry.indexOf('/'));
                assertThat(records.get(agent).notes()).doesNotContain(entry.substring(entry.indexOf('/') + 1));
            }
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }

    private String agent(int index) {
        return prefix + "_edited_" + index;
    }
}
