package io.govflow.web.error;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.ServletRequest;

/** The request id: generated once per request, kept as a request attribute, sent as X-Request-Id. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /**
     * 128 random bits as 32 hex digits. A correlation id, not a secret: drawn from the thread's own generator, so
     * concurrent requests do not queue on one shared secure generator as {@code UUID.randomUUID()} makes them.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    /** The id of this request, created on first use (requests rejected before the filter still get one). */
    public static String of(ServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof String id) {
            return id;
        }
        String id = newId();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
