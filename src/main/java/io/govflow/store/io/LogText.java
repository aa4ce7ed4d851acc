package io.govflow.store.io;

import org.jspecify.annotations.Nullable;

/** Escapes values for log lines so that file names or exception texts cannot forge log entries. */
public final class LogText {

    private LogText() {
    }

    /** The value's text with CR, LF, tab and other control characters written as escapes. */
    public static String safe(@Nullable Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(out, text.charAt(i));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
