package io.govflow.web.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.export.InlineHistory;
import io.swagger.v3.oas.annotations.media.Schema;

/** The seed's inline history: the JSON document or the CSV text as one string. */
@JsonPropertyOrder({ "success", "format", "history" })
public record HistoryResponse(
        boolean success,
        @Schema(example = "json") String format,
        @Schema(description = "The whole history document (JSON text or CSV text)") String history) {

    static HistoryResponse of(InlineHistory inline) {
        return new HistoryResponse(true, inline.format(), inline.history());
    }
}
