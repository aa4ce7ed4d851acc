package io.govflow.flow.update;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The agents whose metadata checkpoint this instance knows to be behind their log: an update committed but its
 * metadata write failed or was deferred. Start-up rolls every agent forward, so after it only these (and another
 * instance's own lagging agents, which listings may show late) can lag; fleet views roll forward just these.
 */
@Component
public class LaggingCheckpoints {

    private final Set<String> behind = ConcurrentHashMap.newKeySet();

    void markBehind(String agentId) {
        behind.add(agentId);
    }

    void caughtUp(String agentId) {
        behind.remove(agentId);
    }

    public boolean isBehind(String agentId) {
        return behind.contains(agentId);
    }
}
