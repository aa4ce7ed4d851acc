package io.govflow.store.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreHealthTest {

    @TempDir
    Path dataDir;

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

    @Test
    void theLatchIsSharedThroughTheMarkerFileUntilAnOperatorRemovesIt() throws Exception {
        StoreHealth first = new StoreHealth(dataDir);
        StoreHealth second = new StoreHealth(dataDir);

        first.latchReadOnly("fsync failed for update log");

        Path marker = dataDir.resolve(StoreHealth.MARKER);
        assertThat(marker).isRegularFile().content().contains("fsync failed for update log")
                .doesNotContain(dataDir.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marker))).isEqualTo("rw-------");
        assertThat(second.readOnly()).isTrue();
        assertThatThrownBy(second::checkWritable).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_READ_ONLY));
        assertThat(new StoreHealth(dataDir).readOnly()).as("an instance started later").isTrue();

        Files.delete(marker);
        assertThat(second.readOnly()).isFalse();
        second.checkWritable();
        assertThat(first.readOnly()).as("the instance whose fsync failed stays latched until restart").isTrue();
    }

    @Test
    void anInstanceWithoutADataDirectoryHasOnlyItsOwnLatch() {
        StoreHealth health = new StoreHealth();
        health.latchReadOnly("fsync failed for directory");
        assertThat(health.markerPresent()).isFalse();
        assertThat(health.readOnly()).isTrue();
    }
}
