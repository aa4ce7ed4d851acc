package io.govflow.ops;

import io.govflow.store.io.StoreHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: DOWN while the store is latched read-only after a failed write or fsync. */
@Component("store")
public class StoreHealthIndicator implements HealthIndicator {

    private final StoreHealth storeHealth;

    public StoreHealthIndicator(StoreHealth storeHealth) {
        this.storeHealth = storeHealth;
    }

    @Override
    public Health health() {
        if (storeHealth.readOnly()) {
            return Health.down().withDetail("read_only", true).build();
        }
        return Health.up().withDetail("read_only", false).build();
    }
}
