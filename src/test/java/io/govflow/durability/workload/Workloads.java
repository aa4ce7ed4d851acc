package io.govflow.durability.workload;

import java.util.List;

/**
 * Every workload the harnesses run, freshly built. A new family of writing endpoints adds its workload here
 * (one line); the crash, power-loss and two-process harnesses then cover it.
 */
public final class Workloads {

    private Workloads() {
    }

    /** @param prefix distinguishes the ids of one harness run (two runs may share a data directory) */
    public static List<Workload> all(String prefix) {
        return List.of(
                new UpdatesWorkload(4, prefix),
                new McpUpdatesWorkload(2, prefix),
                new RegistrationsWorkload(prefix),
                new MetadataEditsWorkload(prefix),
                new StatusChangesWorkload(prefix),
                new ExportsWorkload(prefix),
                new ContextWritesWorkload(prefix),
                new DiscoveriesWorkload(prefix),
                new DialecticWorkload(prefix));
    }
}
