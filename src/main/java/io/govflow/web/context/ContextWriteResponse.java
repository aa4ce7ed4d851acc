package io.govflow.web.context;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** {@code PUT …/context/{type}}: the stored envelope without {@code d}. */
@JsonPropertyOrder({ "success", "document" })
public record ContextWriteResponse(boolean success, @Schema(type = "object") JsonNode document) {
}
