package io.govflow.store.io;

import org.junit.jupiter.api.Test;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreHealthTest {

    @Test
    void latchesOnceAndKeepsTheFirstReason() {
        StoreHealth health = new StoreHealth();
        health.checkWritable();

        health.latchReadOnly("fsync failed for update log");
        health.latchReadOnly("second");

        assertThat(health.readOnly()).isTrue();
        assertThat(health.readOnlyReason()).isEqualTo("fsync failed for update log");
        assertThatThrownBy(health::checkWritable).isInstanceOfSatisfying(GovflowException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORE_READ_ONLY);
            assertThat(e.retryAfterSeconds()).isEqualTo(30L);
        });
    }
}
