package io.govflow.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The headers an error answer gets from its code: the bearer challenge and the Retry-After. */
class ErrorResponsesTest {

    @Test
    void a401NamesTheSchemeAndAnUnusableCredentialIsAnInvalidToken() {
        assertThat(headers(ErrorCode.AUTHENTICATION_REQUIRED, null).getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"govflow\"");
        assertThat(headers(ErrorCode.AUTHENTICATION_FAILED, null).getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"govflow\", error=\"invalid_token\"");
        assertThat(headers(ErrorCode.FORBIDDEN, null).containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "LOCK_TIMEOUT, 1", "RATE_LIMITED, 1", "LOOP_DETECTED, 1", "STORE_READ_ONLY, 30", "STATE_CORRUPT, 30",
            "METADATA_CORRUPT, 30" })
    void codesThatPromiseARetryAfterGetTheirDefault(ErrorCode code, String seconds) {
        assertThat(headers(code, null).getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(seconds);
    }

    @Test
    void theThrowersRetryAfterWinsAndOtherCodesHaveNone() {
        GovflowException loop = GovflowException.retryAfter(ErrorCode.LOOP_DETECTED, 5, Map.of());
        ResponseEntity<Object> answer = ErrorResponses.response(loop, "r1");

        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(headers(ErrorCode.AGENT_NOT_FOUND, null).containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(headers(ErrorCode.DISK_FULL, null).containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void extraHeadersAreKeptExceptTheBodysTypeAndLength() {
        HttpHeaders extra = new HttpHeaders();
        extra.setAllow(Set.of(HttpMethod.GET));
        extra.setContentType(MediaType.TEXT_HTML);
        extra.setContentLength(12);

        HttpHeaders headers = headers(ErrorCode.METHOD_NOT_ALLOWED, extra);

        assertThat(headers.getAllow()).containsExactly(HttpMethod.GET);
        assertThat(headers.getContentType()).isEqualTo(ErrorResponses.PROBLEM_JSON);
        assertThat(headers.getContentLength()).isEqualTo(-1);
    }

    private static HttpHeaders headers(ErrorCode code, @Nullable HttpHeaders extra) {
        ErrorEnvelope body = ErrorResponses.envelope(code, code.message(), Map.of(), "r1");
        ResponseEntity<Object> answer = ErrorResponses.response(code, body, extra, null);
        assertThat(answer.getStatusCode().value()).isEqualTo(code.httpStatus());
        return answer.getHeaders();
    }
}
