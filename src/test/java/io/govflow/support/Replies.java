package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.govflow.support.ApiClient.Reply;
import org.jspecify.annotations.Nullable;

/** Checks of {@link Reply replies} shared by the HTTP tests of several capabilities. */
public final class Replies {

    private static final int SHOWN_CHARS = 400;

    private Replies() {
    }

    /** A problem+json error envelope with this status and, when {@code code} is not null, this error code. */
    public static void assertError(Reply reply, int status, @Nullable String code) {
        assertThat(reply.status()).as(abbreviated(reply.raw())).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.body().get("success").asBoolean()).isFalse();
        if (code != null) {
            assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
        }
    }

    /** A body short enough for an assertion message. */
    public static String abbreviated(String raw) {
        return raw.length() <= SHOWN_CHARS ? raw : raw.substring(0, SHOWN_CHARS) + "…";
    }
}
