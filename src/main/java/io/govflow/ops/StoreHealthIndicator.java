package io.govflow.ops;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: DOWN while the store is latched read-only after a failed fsync (in this instance, or in another one
 * on the same data directory: its {@code .read-only} marker is there), and while the data directory cannot be
 * written (its file system remounted read-only, or its permissions changed).
 */
@Component("store")
public class StoreHealthIndicator implements HealthIndicator {

    private final StoreHealth storeHealth;
    private final DataDirectory dataDirectory;

    public StoreHealthIndicator(StoreHealth storeHealth, DataDirectory dataDirectory) {
        this.storeHealth = storeHealth;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public Health health() {
        if (storeHealth.readOnly()) {
            return Health.down().withDetail("read_only", true)
                    .withDetail("read_only_marker", storeHealth.markerPresent()).build();
        }
        if (!dataDirectory.acceptsWrites()) {
            return Health.down().withDetail("read_only", true).withDetail("writable", false).build();
        }
        if (storeHealth.backlogged()) {
            return Health.down().withDetail("read_only", false).withDetail("checkpoint_backlog", true).build();
        }
        return Health.up().withDetail("read_only", false).build();
    }
}
