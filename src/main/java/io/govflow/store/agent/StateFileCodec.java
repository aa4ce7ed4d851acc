package io.govflow.store.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StoreJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.govflow.store.io.JsonFields.bool;
import static io.govflow.store.io.JsonFields.integer;
import static io.govflow.store.io.JsonFields.number;
import static io.govflow.store.io.JsonFields.numbers;
import static io.govflow.store.io.JsonFields.object;
import static io.govflow.store.io.JsonFields.putNumbers;
import static io.govflow.store.io.JsonFields.putStrings;
import static io.govflow.store.io.JsonFields.putUnknown;
import static io.govflow.store.io.JsonFields.strings;
import static io.govflow.store.io.JsonFields.unknownFields;

/**
 * Reads state files in every shape the reference wrote (reference notes §2.4) and writes the documented one.
 * Reading: E..V from {@code unitaires_state} when present, else the top level, else the fresh values; θ defaults to
 * (1.0, 0.3); missing arrays are empty; {@code attention_history} is accepted for {@code risk_history}; strings
 * (timestamps, decisions) are kept as they are. A value of the wrong type is a {@link FileFormatException}.
 */
public final class StateFileCodec {

    private static final String ATTENTION_ALIAS = "attention_history";
    private static final Set<String> KNOWN = Set.of("E", "I", "S", "V", "coherence", "lambda1", "void_active",
            "time", "update_count", "unitaires_state", "unitaires_theta", "E_history", "I_history", "S_history",
            "V_history", "coherence_history", "risk_history", "lambda1_history", "decision_history",
            "timestamp_history", "pi_integral", "lambda1_update_skips");

    private final StoreJson json;

    public StateFileCodec(StoreJson json) {
        this.json = json;
    }

    public StateFile parse(byte[] content) {
        return fromObject(json.parseObject(content));
    }

    public byte[] format(StateFile state) {
        return json.toFileBytes(toObject(state));
    }

    /**
     * The {@code update_count} of a state file, read from its start without parsing the histories that follow it;
     * empty when the bytes are not an object with an integral count before any damage. A full {@link #parse} is
     * what judges the file.
     */
    public OptionalLong peekUpdateCount(byte[] content) {
        try (JsonParser parser = json.mapper().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return OptionalLong.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("update_count".equals(name)) {
                    return value == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 0
                            ? OptionalLong.of(parser.getLongValue()) : OptionalLong.empty();
                }
                parser.skipChildren();
            }
            return OptionalLong.empty();
        } catch (JacksonException e) {
            return OptionalLong.empty();
        }
    }

    public StateFile fromObject(ObjectNode o) {
        ObjectNode eisv = object(o, "unitaires_state");
        ObjectNode theta = object(o, "unitaires_theta");
        boolean riskFromAlias = !o.has("risk_history") && o.has(ATTENTION_ALIAS);
        return new StateFile(
                eisv(o, eisv, "E", StateFile.DEFAULT_E),
                eisv(o, eisv, "I", StateFile.DEFAULT_I),
                eisv(o, eisv, "S", StateFile.DEFAULT_S),
                eisv(o, eisv, "V", StateFile.DEFAULT_V),
                number(o, "coherence", StateFile.DEFAULT_COHERENCE),
                number(o, "lambda1", StateFile.DEFAULT_LAMBDA1),
                bool(o, "void_active", false),
                number(o, "time", 0.0),
                nonNegative(integer(o, "update_count", 0), "update_count"),
                theta == null ? StateFile.DEFAULT_C1 : number(theta, "C1", StateFile.DEFAULT_C1),
                theta == null ? StateFile.DEFAULT_ETA1 : number(theta, "eta1", StateFile.DEFAULT_ETA1),
                numbers(o, "E_history"),
                numbers(o, "I_history"),
                numbers(o, "S_history"),
                numbers(o, "V_history"),
                numbers(o, "coherence_history"),
                numbers(o, riskFromAlias ? ATTENTION_ALIAS : "risk_history"),
                numbers(o, "lambda1_history"),
                strings(o, "decision_history"),
                strings(o, "timestamp_history"),
                number(o, "pi_integral", 0.0),
                nonNegative(integer(o, "lambda1_update_skips", 0), "lambda1_update_skips"),
                unknown(o, riskFromAlias));
    }

    public ObjectNode toObject(StateFile s) {
        ObjectNode o = json.object();
        putEisv(o, s);
        o.put("coherence", s.coherence());
        o.put("lambda1", s.lambda1());
        o.put("void_active", s.voidActive());
        o.put("time", s.time());
        o.put("update_count", s.updateCount());
        putEisv(o.putObject("unitaires_state"), s);
        ObjectNode theta = o.putObject("unitaires_theta");
        theta.put("C1", s.C1());
        theta.put("eta1", s.eta1());
        putNumbers(o, "E_history", s.EHistory());
        putNumbers(o, "I_history", s.IHistory());
        putNumbers(o, "S_history", s.SHistory());
        putNumbers(o, "V_history", s.VHistory());
        putNumbers(o, "coherence_history", s.coherenceHistory());
        putNumbers(o, "risk_history", s.riskHistory());
        putNumbers(o, "lambda1_history", s.lambda1History());
        putStrings(o, "decision_history", s.decisionHistory());
        putStrings(o, "timestamp_history", s.timestampHistory());
        o.put("pi_integral", s.piIntegral());
        o.put("lambda1_update_skips", s.lambda1UpdateSkips());
        putUnknown(o, s.unknownFields());
        return o;
    }

    private static void putEisv(ObjectNode o, StateFile s) {
        o.put("E", s.E());
        o.put("I", s.I());
        o.put("S", s.S());
        o.put("V", s.V());
    }

    private static double eisv(ObjectNode top, @Nullable ObjectNode eisv, String name, double fallback) {
        double topLevel = number(top, name, fallback);
        return eisv == null ? topLevel : number(eisv, name, topLevel);
    }

    private static Map<String, JsonNode> unknown(ObjectNode o, boolean riskFromAlias) {
        Map<String, JsonNode> unknown = unknownFields(o, KNOWN);
        if (!riskFromAlias) {
            return unknown;
        }
        Map<String, JsonNode> withoutAlias = new LinkedHashMap<>(unknown);
        withoutAlias.remove(ATTENTION_ALIAS);
        return withoutAlias;
    }

    private static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new FileFormatException("field '" + name + "' is negative");
        }
        return value;
    }
}
