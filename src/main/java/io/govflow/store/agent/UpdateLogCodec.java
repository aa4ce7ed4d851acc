package io.govflow.store.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StoreJson;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

import static io.govflow.store.io.JsonFields.nullableString;
import static io.govflow.store.io.JsonFields.object;
import static io.govflow.store.io.JsonFields.requiredBool;
import static io.govflow.store.io.JsonFields.requiredInteger;
import static io.govflow.store.io.JsonFields.requiredNumber;
import static io.govflow.store.io.JsonFields.requiredString;

/**
 * Update-log lines: compact JSON in the documented key order, then {@code ,"crc":"xxxxxxxx"}} and {@code \n}. The
 * CRC-32C covers the exact UTF-8 bytes before {@code ,"crc":}. Verification is textual (numbers are never
 * re-serialized: their formatting differs between JDKs).
 */
public final class UpdateLogCodec {

    private static final byte[] CRC_MARKER = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int CRC_HEX_DIGITS = 8;
    /** {@code ,"crc":"} + 8 hex digits + {@code "}}. */
    private static final int CRC_SUFFIX_LENGTH = CRC_MARKER.length + CRC_HEX_DIGITS + 2;

    private final StoreJson json;

    public UpdateLogCodec(StoreJson json) {
        this.json = json;
    }

    /** The entry as one complete line, newline included. */
    public byte[] encode(UpdateLogEntry e) {
        byte[] object = json.toCompactBytes(toObject(e));
        int prefixLength = object.length - 1; // drop the closing brace
        String suffix = ",\"crc\":\"" + crcHex(object, 0, prefixLength) + "\"}\n";
        byte[] tail = suffix.getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(object, prefixLength + tail.length);
        System.arraycopy(tail, 0, line, prefixLength, tail.length);
        return line;
    }

    /**
     * True when {@code line[offset, offset+length)} (without its newline) ends with a CRC that matches the bytes
     * before it.
     */
    public static boolean verify(byte[] line, int offset, int length) {
        if (length < CRC_SUFFIX_LENGTH + 1) {
            return false;
        }
        int end = offset + length;
        if (line[end - 1] != '}' || line[end - 2] != '"') {
            return false;
        }
        int marker = end - CRC_SUFFIX_LENGTH;
        if (!Arrays.equals(line, marker, marker + CRC_MARKER.length, CRC_MARKER, 0, CRC_MARKER.length)) {
            return false;
        }
        String stored = new String(line, marker + CRC_MARKER.length, CRC_HEX_DIGITS, StandardCharsets.US_ASCII);
        return stored.equals(crcHex(line, offset, marker - offset));
    }

    /** Verifies and parses a line (without its newline). */
    public UpdateLogEntry decode(byte[] line, int offset, int length) {
        if (!verify(line, offset, length)) {
            throw new FileFormatException("update-log line fails its CRC");
        }
        return fromObject(json.parseObject(Arrays.copyOfRange(line, offset, offset + length)));
    }

    private ObjectNode toObject(UpdateLogEntry e) {
        ObjectNode o = json.object();
        o.put("seq", e.seq());
        o.put("ts", e.ts());
        o.put("E", e.E());
        o.put("I", e.I());
        o.put("S", e.S());
        o.put("V", e.V());
        o.put("coherence", e.coherence());
        o.put("attention_score", e.attentionScore());
        o.put("decision", e.decision());
        o.put("lambda1", e.lambda1());
        o.put("lambda1_after", e.lambda1After());
        o.put("phi", e.phi());
        o.put("verdict", e.verdict());
        o.put("void_active", e.voidActive());
        o.put("status", e.status());
        o.put("confidence", e.confidence());
        o.put("complexity", e.complexity());
        o.put("eta1", e.eta1());
        o.put("C1", e.C1());
        o.put("pi_integral", e.piIntegral());
        o.put("time", e.time());
        o.put("lambda1_update_skips", e.lambda1UpdateSkips());
        if (e.agentStatus() != null) {
            o.put("agent_status", e.agentStatus().word());
        }
        LoggedThresholds t = e.thresholds();
        if (t != null) {
            ObjectNode thresholds = o.putObject("thresholds");
            thresholds.put("risk_approve_threshold", t.riskApprove());
            thresholds.put("risk_revise_threshold", t.riskRevise());
            thresholds.put("coherence_critical_threshold", t.coherenceCritical());
            thresholds.put("void_threshold_initial", t.voidThresholdInitial());
        }
        if (e.idempotencyKey() != null) {
            o.put("idempotency_key", e.idempotencyKey());
        }
        if (e.requestHash() != null) {
            o.put("request_hash", e.requestHash());
        }
        return o;
    }

    private static UpdateLogEntry fromObject(ObjectNode o) {
        try {
            return new UpdateLogEntry(requiredInteger(o, "seq"), requiredString(o, "ts"),
                    requiredNumber(o, "E"), requiredNumber(o, "I"), requiredNumber(o, "S"), requiredNumber(o, "V"),
                    requiredNumber(o, "coherence"), requiredNumber(o, "attention_score"),
                    requiredString(o, "decision"), requiredNumber(o, "lambda1"), requiredNumber(o, "lambda1_after"),
                    requiredNumber(o, "phi"), requiredString(o, "verdict"), requiredBool(o, "void_active"),
                    requiredString(o, "status"), requiredNumber(o, "confidence"), requiredNumber(o, "complexity"),
                    requiredNumber(o, "eta1"), requiredNumber(o, "C1"), requiredNumber(o, "pi_integral"),
                    requiredNumber(o, "time"), requiredInteger(o, "lambda1_update_skips"), agentStatus(o),
                    thresholds(o), nullableString(o, "idempotency_key"), nullableString(o, "request_hash"));
        } catch (IllegalArgumentException e) {
            throw new FileFormatException("update-log line has invalid values", e);
        }
    }

    /** Absent in lines that changed no status and in lines written before the field existed. */
    private static @Nullable AgentStatus agentStatus(ObjectNode o) {
        String word = nullableString(o, "agent_status");
        if (word == null) {
            return null;
        }
        return AgentStatus.fromWord(word)
                .orElseThrow(() -> new FileFormatException("update-log line has an unknown agent_status"));
    }

    private static @Nullable LoggedThresholds thresholds(ObjectNode o) {
        ObjectNode t = object(o, "thresholds");
        if (t == null) {
            return null;
        }
        return new LoggedThresholds(requiredNumber(t, "risk_approve_threshold"),
                requiredNumber(t, "risk_revise_threshold"), requiredNumber(t, "coherence_critical_threshold"),
                requiredNumber(t, "void_threshold_initial"));
    }

    private static String crcHex(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
