package io.govflow.web.context;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.context.ContextRead;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET …/context/{type}}.
 *
 * @param source         {@code flat_file | canonical_store | semantic} (also in {@code X-Context-Source})
 * @param stale          true when the content may be older than what was asked for
 * @param fallbackReason why the flat file was not served as fresh, e.g. {@code corrupt}, {@code hash_mismatch},
 *                       {@code expired}, {@code source_changed}; null when it was
 * @param document       the envelope (keys v, t, u, ts, src, dc, d, s, m), without d unless view=full
 */
@JsonPropertyOrder({ "success", "source", "stale", "fallback_reason", "document" })
public record ContextReadResponse(boolean success, String source, boolean stale, @Nullable String fallbackReason,
        @Schema(type = "object") JsonNode document) {

    static ContextReadResponse of(ContextRead read) {
        return new ContextReadResponse(true, read.source().code(), read.stale(),
                read.reason() == null ? null : read.reason().code(), read.document());
    }
}
