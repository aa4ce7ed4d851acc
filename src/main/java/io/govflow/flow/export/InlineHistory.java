package io.govflow.flow.export;

/** The seed's inline history: the whole document as one string. */
public record InlineHistory(String format, String history) {
}
