package io.govflow.store.export;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.govflow.store.check.IsoTimestamps;
import io.govflow.store.check.Problem;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Checks a complete package as a self-contained document: its required fields, its history (streamed), and that
 * the history agrees with the package's own embedded metadata and with its own {@code validation} block. Extra
 * layers (the reference's {@code knowledge}) and extra validation booleans are accepted.
 */
final class PackageCheck {

    private static final String HISTORY = "layers.history.";

    private @Nullable String agentId;
    private @Nullable String exportedAt;
    private @Nullable String exportType;
    private boolean layersSeen;
    private @Nullable JsonNode metadata;
    private @Nullable HistoryScan history;
    private @Nullable JsonNode validation;

    /** Reads the package from a parser positioned on its {@code START_OBJECT}; returns its agent id. */
    static @Nullable String check(JsonParser parser, List<Problem> problems) {
        PackageCheck check = new PackageCheck();
        check.read(parser);
        check.report(problems);
        return check.agentId;
    }

    private void read(JsonParser parser) {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "agent_id" -> agentId = text(parser, value);
                case "exported_at" -> exportedAt = text(parser, value);
                case "export_type" -> exportType = text(parser, value);
                case "layers" -> layers(parser, value);
                case "validation" -> validation = parser.readValueAsTree();
                default -> parser.skipChildren();
            }
        }
    }

    private void layers(JsonParser parser, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        layersSeen = true;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken layer = parser.nextToken();
            if ("metadata".equals(name)) {
                metadata = parser.readValueAsTree();
            } else if ("history".equals(name) && layer == JsonToken.START_OBJECT) {
                history = HistoryScan.read(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static @Nullable String text(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    private void report(List<Problem> problems) {
        required(problems);
        if (exportType != null && !PackageWriter.EXPORT_TYPE.equals(exportType)) {
            problems.add(Problem.error("EXPORT_TYPE", "'export_type' must be complete_package."));
        }
        if (exportedAt != null && !IsoTimestamps.isData(exportedAt)) {
            problems.add(Problem.error("TIMESTAMP_NOT_ISO", "'exported_at' is not ISO 8601."));
        }
        if (history != null) {
            HistoryChecks.check(history, HISTORY, problems);
        }
        if (metadata != null && metadata.isObject() && !metadata.isEmpty() && history != null) {
            againstMetadata(metadata, history, problems);
        }
        if (history != null && validation != null && validation.isObject()) {
            againstValidationBlock(validation, history, problems);
        }
    }

    private void required(List<Problem> problems) {
        requirePresent(agentId, "agent_id", problems);
        requirePresent(exportedAt, "exported_at", problems);
        requirePresent(exportType, "export_type", problems);
        if (!layersSeen) {
            problems.add(Problem.error("MISSING_FIELD", "Required field 'layers' is missing."));
            return;
        }
        if (metadata == null || !metadata.isObject()) {
            problems.add(Problem.error("MISSING_FIELD", "Required layer 'layers.metadata' is missing."));
        }
        if (history == null) {
            problems.add(Problem.error("MISSING_FIELD", "Required layer 'layers.history' is missing."));
        }
        if (validation == null || !validation.isObject()) {
            problems.add(Problem.error("MISSING_FIELD", "Required field 'validation' is missing."));
        }
    }

    private static void requirePresent(@Nullable String value, String name, List<Problem> problems) {
        if (value == null) {
            problems.add(Problem.error("MISSING_FIELD", "Required field '%s' is missing.".formatted(name)));
        }
    }

    /** The history must tell the same story as the metadata embedded next to it. */
    private void againstMetadata(JsonNode meta, HistoryScan scan, List<Problem> problems) {
        JsonNode metaId = meta.get("agent_id");
        if (metaId == null || !metaId.isString() || !metaId.asString().equals(agentId)
                || scan.agentId != null && !scan.agentId.equals(agentId)) {
            problems.add(Problem.error("PACKAGE_AGENT_MISMATCH",
                    "The package, its metadata and its history do not name the same agent."));
        }
        JsonNode total = meta.get("total_updates");
        Long rows = scan.length(scan.timestampsName());
        if (total == null || !total.canConvertToLong()) {
            problems.add(Problem.error("MISSING_FIELD", "Required field 'layers.metadata.total_updates' is missing."));
        } else if (scan.totalUpdates != null && total.asLong() != scan.totalUpdates
                || rows != null && rows > total.asLong()) {
            problems.add(Problem.error("PACKAGE_OUT_OF_SYNC", "The history does not match the package's metadata "
                    + "(total_updates %d in the metadata).".formatted(total.asLong())));
        }
        JsonNode key = meta.get("api_key");
        if (key != null && key.isString() && !key.asString().startsWith("sha256:")) {
            problems.add(Problem.warning("API_KEY_IN_EXPORT",
                    "The package's metadata holds a plaintext api_key; rotate the key and re-export."));
        }
    }

    /** Booleans the package states about itself must be true of it. */
    private void againstValidationBlock(JsonNode block, HistoryScan scan, List<Problem> problems) {
        Long rows = scan.length(scan.timestampsName());
        JsonNode meta = metadata;
        if (rows == null || meta == null) {
            return;
        }
        JsonNode metaTotal = meta.get("total_updates");
        JsonNode metaLast = meta.get("last_update");
        stated(block, "metadata_history_sync", metaTotal != null && metaTotal.canConvertToLong()
                && metaTotal.asLong() == rows, problems);
        stated(block, "last_update_matches", metaLast != null && metaLast.isString()
                && metaLast.asString().equals(scan.lastTimestamp), problems);
        stated(block, "timestamps_iso", scan.badTimestamps == 0, problems);
    }

    private static void stated(JsonNode block, String name, boolean actual, List<Problem> problems) {
        JsonNode claim = block.get(name);
        if (claim != null && claim.isBoolean() && claim.asBoolean() != actual) {
            problems.add(Problem.error("VALIDATION_BLOCK_MISMATCH",
                    "'validation.%s' says %s but the package shows %s.".formatted(name, claim.asBoolean(), actual)));
        }
    }
}
