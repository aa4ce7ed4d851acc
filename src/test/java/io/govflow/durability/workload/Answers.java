package io.govflow.durability.workload;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.govflow.support.ApiClient.Reply;

/** What the harnesses accept from a write under load, and the record of anything else. */
final class Answers {

    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** 2xx. */
    static boolean acknowledged(Reply reply) {
        return reply.status() >= 200 && reply.status() < 300;
    }

    /** A storage error whose details say the write was committed (its checkpoints were not). */
    static boolean committedDespiteError(Reply reply) {
        return reply.status() == 500 && reply.json() != null && reply.body().path("details").path("committed")
                .asBoolean(false);
    }

    /**
     * Records a non-2xx answer unless it is one the load explains: a lock timeout (two processes on one agent)
     * or one of the workload's own expected codes.
     */
    void unlessExplained(String workload, Reply reply, String... expectedCodes) {
        if (acknowledged(reply)) {
            return;
        }
        String code = reply.json() == null ? "<no envelope>" : reply.body().path("error_code").asString("<none>");
        if (code.equals("LOCK_TIMEOUT") || List.of(expectedCodes).contains(code) || committedDespiteError(reply)) {
            return;
        }
        problems.add(workload + ": " + reply.status() + " " + code);
    }

    /** An answer that contradicts an earlier one (e.g. an idempotent retry with another result). */
    void contradiction(String description) {
        problems.add(description);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
