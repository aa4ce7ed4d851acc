package io.govflow.web.limit;

import java.io.IOException;

/** Raised while reading a body that did not arrive within {@code govflow.http.read-deadline}. */
public class RequestTimeoutException extends IOException {

    public RequestTimeoutException() {
        super("request body not received within the read deadline");
    }
}
