package io.govflow.store.thresholds;

import java.util.Set;

import io.govflow.store.io.JsonFields;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.node.ObjectNode;

/** The thresholds document ({@code thresholds.json}): its four numbers, {@code updated_at}, unknown fields kept. */
public final class ThresholdsCodec {

    private static final Set<String> FIELDS = Set.of("risk_approve_threshold", "risk_revise_threshold",
            "coherence_critical_threshold", "void_threshold_initial", "updated_at");

    private final StoreJson json;

    public ThresholdsCodec(StoreJson json) {
        this.json = json;
    }

    public ThresholdsFile parse(byte[] content) {
        ObjectNode o = json.parseObject(content);
        return new ThresholdsFile(JsonFields.requiredNumber(o, "risk_approve_threshold"),
                JsonFields.requiredNumber(o, "risk_revise_threshold"),
                JsonFields.requiredNumber(o, "coherence_critical_threshold"),
                JsonFields.requiredNumber(o, "void_threshold_initial"),
                JsonFields.nullableString(o, "updated_at"), JsonFields.unknownFields(o, FIELDS));
    }

    public ObjectNode toObject(ThresholdsFile t) {
        ObjectNode o = json.object();
        o.put("risk_approve_threshold", t.riskApprove());
        o.put("risk_revise_threshold", t.riskRevise());
        o.put("coherence_critical_threshold", t.coherenceCritical());
        o.put("void_threshold_initial", t.voidThresholdInitial());
        JsonFields.putNullable(o, "updated_at", t.updatedAt());
        JsonFields.putUnknown(o, t.unknownFields());
        return o;
    }

    public byte[] format(ThresholdsFile t) {
        return json.toFileBytes(toObject(t));
    }
}
