package io.govflow.web.limit;

import java.io.IOException;

/** Raised while reading a body that grows past the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException() {
        super("request body over the limit");
    }
}
