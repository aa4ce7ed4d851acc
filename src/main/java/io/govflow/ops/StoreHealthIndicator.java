package io.govflow.ops;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.postgres.PostgresDatabase;

/**
 * Readiness: DOWN while the store is latched read-only after a failed fsync (in this instance, or in another one
 * on the same data directory: its {@code .read-only} marker is there), and while the data directory cannot be
 * written (its file system remounted read-only, or its permissions changed). With the PostgreSQL store it is also
 * DOWN ({@code database: unreachable}) while the database cannot be reached, and UP again by itself when it
 * answers; the probe's answer is reused for about a second ({@link DatabaseReachability}).
 */
@Component("store")
public class StoreHealthIndicator implements HealthIndicator {

    private final StoreHealth storeHealth;
    private final DataDirectory dataDirectory;
    private final @Nullable DatabaseReachability database;

    public StoreHealthIndicator(StoreHealth storeHealth, DataDirectory dataDirectory,
            ObjectProvider<PostgresDatabase> postgres) {
        this.storeHealth = storeHealth;
        this.dataDirectory = dataDirectory;
        PostgresDatabase db = postgres.getIfAvailable();
        this.database = db == null ? null : new DatabaseReachability(db::reachable, System::nanoTime);
    }

    @Override
    public Health health() {
        if (database != null && !database.reachable()) {
            return Health.down().withDetail("database", "unreachable").build();
        }
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
        Health.Builder up = Health.up().withDetail("read_only", false);
        return database == null ? up.build() : up.withDetail("database", "reachable").build();
    }
}
