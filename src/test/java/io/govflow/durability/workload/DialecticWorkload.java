package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Dialectic reviews, one step per call: each of three pairs (requester, reviewer) opens a session, then thesis,
 * antithesis and two synthesis rounds until it is resolved, then opens the next. Steps of one pair are serialized
 * by the workload; after a crash the pair reads its session back (an applied but unacknowledged step answers
 * {@code SESSION_PHASE_CONFLICT}). Checks: every acknowledged session exists with at least its acknowledged
 * moves in the transcript, and a session acknowledged as resolved is resolved.
 */
public final class DialecticWorkload implements Workload {

    private static final int PAIRS = 3;
    private static final String SESSIONS = "/api/v1/dialectic/sessions";
    private static final List<String> CONDITIONS = List.of("Verify tool output before acting");
    /** The moves of a session after it is opened: who makes them, where, and with what body. */
    private static final List<Move> MOVES = List.of(
            new Move(true, "thesis", Map.of("root_cause", "Acted on stale data", "proposed_conditions", CONDITIONS,
                    "reasoning", "One bad input")),
            new Move(false, "antithesis", Map.of("concerns", List.of("Attention is high"), "reasoning", "Plausible")),
            new Move(true, "synthesis", Map.of("agrees", false, "proposed_conditions", CONDITIONS, "root_cause",
                    "Stale data")),
            new Move(false, "synthesis", Map.of("agrees", false, "proposed_conditions", CONDITIONS, "root_cause",
                    "Stale data")),
            new Move(true, "synthesis", Map.of("agrees", true, "proposed_conditions", CONDITIONS, "root_cause",
                    "Stale data")),
            new Move(false, "synthesis", Map.of("agrees", true, "proposed_conditions", CONDITIONS, "root_cause",
                    "Stale data")));

    private record Move(boolean byRequester, String step, Map<String, Object> body) {
    }

    /** What the workload knows of a pair's current session. */
    private static final class Pair {
        final ReentrantLock lock = new ReentrantLock();
        @Nullable String sessionId;
        int nextMove;
    }

    private final String prefix;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<Integer, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, Integer> ackedMoves = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ackedResolved = new ConcurrentHashMap<>();
    private final Answers answers = new Answers();

    public DialecticWorkload(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "dialectic";
    }

    @Override
    public void prepare(ApiClient client) {
        for (int p = 0; p < PAIRS; p++) {
            keys.put(requester(p), client.register(requester(p)));
            keys.put(reviewer(p), client.register(reviewer(p)));
            pairs.put(p, new Pair());
        }
    }

    @Override
    public void step(ApiClient client, Random random) {
        int index = random.nextInt(PAIRS);
        Pair pair = pairs.get(index);
        if (!pair.lock.tryLock()) {
            return;
        }
        try {
            if (pair.sessionId == null) {
                open(client, index, pair);
            } else {
                move(client, index, pair);
            }
        } finally {
            pair.lock.unlock();
        }
    }

    private void open(ApiClient client, int index, Pair pair) {
        Reply reply = client.post(SESSIONS, keys.get(requester(index)), Map.of("agent_id", requester(index),
                "reviewer_agent_id", reviewer(index), "reason", "harness review", "max_synthesis_rounds", 10));
        if (Answers.acknowledged(reply)) {
            pair.sessionId = reply.body().get("session_id").asString();
            pair.nextMove = 0;
            ackedMoves.put(pair.sessionId, 0);
        } else if (reply.status() == 409) {
            resync(client, index, pair, null);
        } else {
            answers.unlessExplained(name(), reply);
        }
    }

    private void move(ApiClient client, int index, Pair pair) {
        Move move = MOVES.get(pair.nextMove);
        String key = keys.get(move.byRequester() ? requester(index) : reviewer(index));
        Reply reply = client.post(SESSIONS + "/" + pair.sessionId + "/" + move.step(), key, move.body());
        if (Answers.acknowledged(reply)) {
            String sid = pair.sessionId;
            ackedMoves.merge(sid, pair.nextMove + 1, Math::max);
            pair.nextMove++;
            if ("resolved".equals(reply.body().get("phase").asString())) {
                ackedResolved.put(sid, true);
                pair.sessionId = null;
            }
        } else if (reply.status() == 409) {
            resync(client, index, pair, pair.sessionId);
        } else {
            answers.unlessExplained(name(), reply);
        }
    }

    /** After a step whose answer was lost: reads where the pair's newest session really is. */
    private void resync(ApiClient client, int index, Pair pair, @Nullable String sessionId) {
        String sid = sessionId;
        if (sid == null) {
            Reply listed = client.get("/api/v1/agents/" + requester(index) + "/dialectic-sessions",
                    keys.get(requester(index)));
            JsonNode sessions = listed.status() == 200 ? listed.body().get("sessions") : null;
            if (sessions == null || sessions.isEmpty()) {
                answers.contradiction("dialectic: 409 on opening, and no session to resume");
                return;
            }
            sid = sessions.get(0).get("session_id").asString();
        }
        Reply view = client.get(SESSIONS + "/" + sid, keys.get(requester(index)));
        if (view.status() != 200) {
            answers.unlessExplained(name(), view);
            return;
        }
        JsonNode session = view.body().get("session");
        String phase = session.get("phase").asString();
        if (List.of("resolved", "escalated", "failed", "expired").contains(phase)) {
            pair.sessionId = null;
        } else {
            pair.sessionId = sid;
            pair.nextMove = Math.min(session.get("transcript").size(), MOVES.size() - 1);
        }
    }

    @Override
    public Check acknowledged() {
        Map<String, Integer> moves = new HashMap<>(ackedMoves);
        Map<String, Boolean> resolved = new HashMap<>(ackedResolved);
        String key = keys.get(requester(0));
        return (Path dataDir, ApiClient client) -> {
            for (Map.Entry<String, Integer> session : moves.entrySet()) {
                Reply view = client.get(SESSIONS + "/" + session.getKey(), key);
                assertThat(view.status()).as("acknowledged session %s: %s", session.getKey(), view.raw())
                        .isEqualTo(200);
                JsonNode stored = view.body().get("session");
                assertThat(stored.get("transcript").size()).as("acknowledged moves of %s", session.getKey())
                        .isGreaterThanOrEqualTo(session.getValue());
                if (resolved.containsKey(session.getKey())) {
                    assertThat(stored.get("phase").asString()).isEqualTo("resolved");
                }
            }
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }

    private String requester(int index) {
        return prefix + "_reviewed_" + index;
    }

    private String reviewer(int index) {
        return prefix + "_reviewer_" + index;
    }
}
