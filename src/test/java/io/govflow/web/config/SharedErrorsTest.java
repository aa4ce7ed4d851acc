package io.govflow.web.config;

import static io.govflow.error.ErrorCode.ADMIN_DISABLED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.AUTHENTICATION_FAILED;
import static io.govflow.error.ErrorCode.AUTHENTICATION_REQUIRED;
import static io.govflow.error.ErrorCode.CHECKPOINT_BACKLOG;
import static io.govflow.error.ErrorCode.DATABASE_UNAVAILABLE;
import static io.govflow.error.ErrorCode.DISK_FULL;
import static io.govflow.error.ErrorCode.FORBIDDEN;
import static io.govflow.error.ErrorCode.INTERNAL_ERROR;
import static io.govflow.error.ErrorCode.NOT_ACCEPTABLE;
import static io.govflow.error.ErrorCode.LOCK_TIMEOUT;
import static io.govflow.error.ErrorCode.MALFORMED_JSON;
import static io.govflow.error.ErrorCode.PAYLOAD_TOO_LARGE;
import static io.govflow.error.ErrorCode.RATE_LIMITED;
import static io.govflow.error.ErrorCode.REQUEST_TIMEOUT;
import static io.govflow.error.ErrorCode.STORE_READ_ONLY;
import static io.govflow.error.ErrorCode.UNSUPPORTED_MEDIA_TYPE;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;

import io.govflow.web.auth.Access;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/** A handler's documented codes are its own plus those its access level, body and writes share with others. */
class SharedErrorsTest {

    @Test
    void anAnonymousReadHasOnlyItsOwnCodesAndTheOnesEveryEndpointHas() {
        assertThat(SharedErrors.of(handler("anonymousRead"))).containsExactlyInAnyOrder(AGENT_NOT_FOUND,
                NOT_ACCEPTABLE, INTERNAL_ERROR);
    }

    @Test
    void aCredentialAddsTheTwoAuthenticationCodesTheRateLimitAndTheDatabaseAway() {
        assertThat(SharedErrors.of(handler("agentRead"))).containsExactlyInAnyOrder(AGENT_NOT_FOUND,
                AUTHENTICATION_REQUIRED, AUTHENTICATION_FAILED, RATE_LIMITED, DATABASE_UNAVAILABLE, NOT_ACCEPTABLE,
                INTERNAL_ERROR);
    }

    @Test
    void anAdminWriteWithABodySharesEveryGroup() {
        assertThat(SharedErrors.of(handler("adminWrite"))).containsExactlyInAnyOrder(AUTHENTICATION_REQUIRED,
                AUTHENTICATION_FAILED, RATE_LIMITED, FORBIDDEN, ADMIN_DISABLED, VALIDATION_FAILED, MALFORMED_JSON,
                PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, REQUEST_TIMEOUT, LOCK_TIMEOUT, STORE_READ_ONLY,
                CHECKPOINT_BACKLOG, DISK_FULL, DATABASE_UNAVAILABLE, NOT_ACCEPTABLE, INTERNAL_ERROR);
    }

    @Test
    void registrationSharesTheAdminAnswersOfClosedRegistration() {
        assertThat(SharedErrors.of(handler("register"))).containsExactlyInAnyOrder(AUTHENTICATION_REQUIRED,
                AUTHENTICATION_FAILED, RATE_LIMITED, FORBIDDEN, ADMIN_DISABLED, VALIDATION_FAILED, MALFORMED_JSON,
                PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, REQUEST_TIMEOUT, DATABASE_UNAVAILABLE, NOT_ACCEPTABLE,
                INTERNAL_ERROR);
    }

    private static HandlerMethod handler(String name) {
        Method method = Arrays.stream(Handlers.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return new HandlerMethod(new Handlers(), method);
    }

    /** Handler shapes, never mapped to a path. */
    static class Handlers {

        @Access(Access.Level.ANONYMOUS)
        @ApiErrors(AGENT_NOT_FOUND)
        String anonymousRead() {
            return "";
        }

        @Access(Access.Level.ANY_CREDENTIAL)
        @ApiErrors(AGENT_NOT_FOUND)
        String agentRead() {
            return "";
        }

        @Access(Access.Level.ADMIN)
        @ApiErrors(writes = true)
        String adminWrite(@RequestBody String body) {
            return body;
        }

        @Access(Access.Level.REGISTRATION)
        @ApiErrors(ADMIN_DISABLED)
        String register(@RequestBody String body) {
            return body;
        }
    }
}
