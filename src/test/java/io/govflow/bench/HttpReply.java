package io.govflow.bench;

import java.nio.charset.StandardCharsets;

/** A reply read whole: the status and the body's bytes. */
record HttpReply(int status, byte[] body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
