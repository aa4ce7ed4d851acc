package io.govflow.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The answers' extra headers are attributes of the codes, and they follow the statuses' rules. */
class ErrorCodeTest {

    @Test
    void exactlyThe401CodesCarryABearerChallenge() {
        List<ErrorCode> challenging = codes().stream().filter(c -> c.challenge() != null).toList();
        List<ErrorCode> unauthorized = codes().stream().filter(c -> c.httpStatus() == 401).toList();

        assertThat(challenging).isEqualTo(unauthorized).isNotEmpty();
        assertThat(ErrorCode.AUTHENTICATION_REQUIRED.challenge()).isEqualTo(BearerChallenge.SCHEME_ONLY);
        assertThat(ErrorCode.AUTHENTICATION_FAILED.challenge()).isEqualTo(BearerChallenge.INVALID_TOKEN);
        assertThat(BearerChallenge.INVALID_TOKEN.error()).isEqualTo("invalid_token");
        assertThat(BearerChallenge.SCHEME_ONLY.error()).isNull();
    }

    @Test
    void every429And503PromisesARetryAfterAndNoOtherCodeDoes() {
        List<ErrorCode> promising = codes().stream().filter(c -> c.defaultRetryAfterSeconds() != null).toList();
        List<ErrorCode> retryable = codes().stream()
                .filter(c -> c.httpStatus() == 429 || c.httpStatus() == 503).toList();

        assertThat(promising).isEqualTo(retryable);
        assertThat(promising).allSatisfy(c -> assertThat(c.defaultRetryAfterSeconds()).isPositive());
    }

    @Test
    void busyAndThrottledCodesAskForOneSecondDamagedOrReadOnlyStoresForThirty() {
        assertThat(List.of(ErrorCode.LOCK_TIMEOUT, ErrorCode.RATE_LIMITED, ErrorCode.LOOP_DETECTED))
                .allSatisfy(c -> assertThat(c.defaultRetryAfterSeconds()).isEqualTo(1L));
        assertThat(List.of(ErrorCode.STORE_READ_ONLY, ErrorCode.STATE_CORRUPT, ErrorCode.METADATA_CORRUPT))
                .allSatisfy(c -> assertThat(c.defaultRetryAfterSeconds()).isEqualTo(30L));
    }

    private static List<ErrorCode> codes() {
        return Arrays.asList(ErrorCode.values());
    }
}
