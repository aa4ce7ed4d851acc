package io.govflow.web.error;

import org.jspecify.annotations.Nullable;

/** Escapes values before they reach a log line, so no client input can forge a line. */
public final class LogSafe {

    private static final int MAX = 300;

    private LogSafe() {
    }

    public static String escape(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
