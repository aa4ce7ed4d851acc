package io.govflow.flow.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.check.Problem;
import io.govflow.store.io.LaxFields;

/** {@code LEGACY_FIELD_TYPE} warnings: fields stored with another JSON type than documented, read leniently. */
final class LegacyFieldTypes {

    private LegacyFieldTypes() {
    }

    static List<Problem> of(String file, AgentRecord record) {
        List<Problem> problems = new ArrayList<>(of(file, "", record.laxFields()));
        List<LifecycleEvent> events = record.lifecycleEvents();
        for (int i = 0; i < events.size(); i++) {
            problems.addAll(of(file, "lifecycle_events[" + i + "].", events.get(i).laxFields()));
        }
        return problems;
    }

    /** One warning per lax field; {@code prefix} locates the object inside the file. */
    static List<Problem> of(String file, String prefix, LaxFields lax) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> field : lax.storedTypes().entrySet()) {
            problems.add(Problem.warning(ConsistencyCodes.LEGACY_FIELD_TYPE, "In %s, field '%s%s' is stored as %s, "
                    .formatted(file, prefix, field.getKey(), field.getValue()) + "not its documented type; it is read "
                            + "leniently and kept as stored."));
        }
        return problems;
    }
}
