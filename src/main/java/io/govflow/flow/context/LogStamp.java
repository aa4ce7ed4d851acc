package io.govflow.flow.context;

import java.util.Optional;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;

import tools.jackson.databind.node.ObjectNode;

/** The version of an agent's update log as governance documents record it: {@code {"seq": n, "ts": …}}. */
final class LogStamp {

    private LogStamp() {
    }

    static ObjectNode of(UpdateLogStore updateLog, String agentId) {
        Optional<UpdateLogEntry> last = updateLog.last(agentId);
        ObjectNode stamp = JsonBits.object();
        stamp.put("seq", last.map(UpdateLogEntry::seq).orElse(0L));
        if (last.isPresent()) {
            stamp.put("ts", last.get().ts());
        } else {
            stamp.putNull("ts");
        }
        return stamp;
    }
}
