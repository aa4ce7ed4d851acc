package io.govflow.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;

import io.govflow.store.io.Fsync;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Store metrics for {@code /actuator/prometheus}: fsync latency (files and directories), lock wait and lock
 * timeouts, by lock kind. They wrap the store's own seams; the store itself knows nothing of Micrometer.
 */
@Configuration(proxyBeanMethods = false)
public class StoreMeters {

    @Bean
    Fsync measuredFsync(MeterRegistry registry) {
        Timer files = fsyncTimer(registry, "file");
        Timer directories = fsyncTimer(registry, "directory");
        return new Fsync() {
            @Override
            public void file(FileChannel channel, boolean metaData) throws IOException {
                long start = System.nanoTime();
                try {
                    Fsync.SYSTEM.file(channel, metaData);
                } finally {
                    files.record(Duration.ofNanos(System.nanoTime() - start));
                }
            }

            @Override
            public void directory(Path dir) throws IOException {
                long start = System.nanoTime();
                try {
                    Fsync.SYSTEM.directory(dir);
                } finally {
                    directories.record(Duration.ofNanos(System.nanoTime() - start));
                }
            }
        };
    }

    @Bean
    LockObserver measuredLocks(MeterRegistry registry) {
        for (LockKey.Kind kind : LockKey.Kind.values()) {
            timeoutCounter(registry, kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return new LockObserver() {
            @Override
            public void onAcquired(LockKey key, Duration waited) {
                Timer.builder("govflow.lock.wait").description("Time spent waiting for a lock")
                        .tag("kind", kind(key)).publishPercentileHistogram().register(registry).record(waited);
            }

            @Override
            public void onTimeout(LockKey key) {
                timeoutCounter(registry, kind(key)).increment();
            }
        };
    }

    private static Counter timeoutCounter(MeterRegistry registry, String kind) {
        return Counter.builder("govflow.lock.timeouts").description("Locks not acquired before the deadline")
                .tag("kind", kind).register(registry);
    }

    private static Timer fsyncTimer(MeterRegistry registry, String target) {
        return Timer.builder("govflow.fsync").description("Duration of fsync calls").tag("target", target)
                .publishPercentileHistogram().register(registry);
    }

    private static String kind(LockKey key) {
        return key.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
