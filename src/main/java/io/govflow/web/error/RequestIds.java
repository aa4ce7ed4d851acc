package io.govflow.web.error;

import java.util.UUID;

import jakarta.servlet.ServletRequest;

/** The request id: generated once per request, kept as a request attribute, sent as X-Request-Id. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
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
