package io.govflow.durability.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.govflow.support.ApiClient;

/**
 * One family of writing endpoints as the harnesses drive it. Implementations are thread-safe: many clients
 * call {@link #step} at once, against one or two services on the same data directory.
 */
public interface Workload {

    String name();

    /** How often the harness picks this workload relative to the others. */
    default int weight() {
        return 1;
    }

    /** Once, against a fresh service, before any load (e.g. registers the agents it writes to). */
    void prepare(ApiClient client);

    /**
     * One request. Records what the service acknowledged, and any answer that no fault explains (a 500, an
     * envelope-less error) as a problem. A connection failure propagates: the service died.
     */
    void step(ApiClient client, Random random);

    /** A check of everything acknowledged up to this moment, to run later against a recovered directory. */
    Check acknowledged();

    /**
     * For a run without crashes (two services side by side): the directory holds exactly what was acknowledged,
     * nothing lost and nothing extra. Defaults to {@link #acknowledged()} where "exactly" adds nothing.
     */
    default Check acknowledgedExactly() {
        return acknowledged();
    }

    /** Answers no fault explains, recorded by {@link #step}; the harnesses require none. */
    List<String> problems();

    /** Verifies one recovered data directory. */
    @FunctionalInterface
    interface Check {
        /**
         * @param dataDir the recovered data directory
         * @param client a service started on it (start-up recovery has run)
         */
        void verify(Path dataDir, ApiClient client);
    }
}
