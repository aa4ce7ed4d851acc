package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.govflow.store.agent.LifecycleEvent;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.StoreInvariants;
import org.jspecify.annotations.Nullable;

/**
 * Lifecycle status changes of both kinds, alternating on each agent: an operator change (archive, recorded with
 * {@code status_seq}) and an update-caused one (the next update resumes an archived agent; the log line carries
 * {@code agent_status}). One request per agent at a time, so the acknowledged changes have an order: after
 * recovery every acknowledged change is there, in that order, followed at most by the one that was in flight.
 */
public final class StatusChangesWorkload implements Workload {

    private static final int AGENTS = 2;

    private final String prefix;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, AgentLine> lines = new ConcurrentHashMap<>();
    private final Answers answers = new Answers();

    /** One agent's acknowledged events in order, and the one whose request got no answer (in flight). */
    private static final class AgentLine {
        final ReentrantLock driving = new ReentrantLock();
        final List<String> acknowledged = new ArrayList<>();
        @Nullable String inFlight;
        boolean archived;
    }

    public StatusChangesWorkload(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "status changes";
    }

    @Override
    public void prepare(ApiClient client) {
        for (int a = 0; a < AGENTS; a++) {
            String id = agent(a);
            keys.put(id, client.register(id));
            lines.put(id, new AgentLine());
        }
    }

    @Override
    public void step(ApiClient client, Random random) {
        String agent = agent(random.nextInt(AGENTS));
        AgentLine line = lines.get(agent);
        if (!line.driving.tryLock()) {
            return;
        }
        try {
            if (line.inFlight != null) {
                settleInFlight(client, agent, line);
                if (line.inFlight != null) {
                    return;
                }
            }
            String event = line.archived ? "resumed" : "archived";
            line.inFlight = event;
            Reply reply = line.archived
                    ? client.post("/api/v1/agents/" + agent + "/updates", keys.get(agent), Map.of())
                    : client.post("/api/v1/agents/" + agent + "/archive", keys.get(agent), Map.of());
            line.inFlight = null;
            if (Answers.acknowledged(reply)) {
                line.acknowledged.add(event);
                line.archived = !line.archived;
            } else {
                answers.unlessExplained(name(), reply);
            }
        } finally {
            line.driving.unlock();
        }
    }

    /**
     * A request that got no answer (the service died under it): the restarted service shows whether it was applied,
     * and the agent's order goes on from there.
     */
    private void settleInFlight(ApiClient client, String agent, AgentLine line) {
        Reply shown = client.get("/api/v1/agents/" + agent, keys.get(agent));
        if (!Answers.acknowledged(shown)) {
            answers.unlessExplained(name(), shown);
            return;
        }
        boolean archivedNow = shown.body().get("agent").get("status").asString().equals("archived");
        if (archivedNow != line.archived) {
            line.acknowledged.add(line.inFlight);
            line.archived = archivedNow;
        }
        line.inFlight = null;
    }

    @Override
    public Check acknowledged() {
        Map<String, List<String>> acked = new HashMap<>();
        Map<String, @Nullable String> inFlight = new HashMap<>();
        lines.forEach((agent, line) -> {
            line.driving.lock();
            try {
                acked.put(agent, List.copyOf(line.acknowledged));
                inFlight.put(agent, line.inFlight);
            } finally {
                line.driving.unlock();
            }
        });
        return (Path dataDir, ApiClient client) -> {
            var records = new StoreInvariants(dataDir).agents();
            for (Map.Entry<String, List<String>> agent : acked.entrySet()) {
                var record = records.get(agent.getKey());
                List<String> recorded = record.lifecycleEvents().stream()
                        .map(LifecycleEvent::event).filter(e -> e.equals("archived") || e.equals("resumed")).toList();
                // only the newest govflow.lifecycle.max-events are kept: the oldest (the created event first,
                // then the oldest changes) are only counted
                long droppedChanges = Math.max(0, record.lifecycleEventsDropped() - 1);
                List<String> expected = agent.getValue();
                assertThat(droppedChanges + recorded.size()).as("status changes of %s: the acknowledged ones and "
                        + "at most the one in flight", agent.getKey()).isBetween((long) expected.size(),
                        (long) expected.size() + (inFlight.get(agent.getKey()) == null ? 0 : 1));
                List<String> acknowledgedKept = expected.subList((int) Math.min(droppedChanges, expected.size()),
                        expected.size());
                // AssertJ's startsWith() refuses an empty prefix, which is the case when nothing was acknowledged
                // and only the request in flight landed
                assertThat(recorded.subList(0, Math.min(recorded.size(), acknowledgedKept.size())))
                        .as("status changes of %s, in order", agent.getKey()).isEqualTo(acknowledgedKept);
                String status = recorded.isEmpty() || recorded.get(recorded.size() - 1).equals("resumed") ? "active"
                        : "archived";
                Reply shown = client.get("/api/v1/agents/" + agent.getKey(), keys.get(agent.getKey()));
                assertThat(shown.body().get("agent").get("status").asString()).as("status of %s", agent.getKey())
                        .isEqualTo(status);
            }
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }

    private String agent(int index) {
        return prefix + "_status_" + index;
    }
}
