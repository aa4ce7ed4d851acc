package io.govflow.web.limit;

import java.io.IOException;

/** Raised while reading a body that grows past the configured limit. */
public class PayloadTooLargeException extends IOException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("request body over the limit");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
