package io.govflow.flow.fleet;

import java.util.List;

/** One page of the fleet listing and how many agents matched. */
public record FleetPage(List<FleetRow> agents, int page, int size, long total) {

    public FleetPage {
        agents = List.copyOf(agents);
    }
}
