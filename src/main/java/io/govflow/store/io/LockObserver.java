package io.govflow.store.io;

import java.time.Duration;

/** Hook for lock metrics: how long acquisitions waited and which ones timed out. */
public interface LockObserver {

    /** No-op observer. */
    LockObserver NONE = new LockObserver() {
    };

    /** Called once per outermost acquisition, with the time spent waiting for both layers. */
    default void onAcquired(LockKey key, Duration waited) {
    }

    /** Called when an acquisition gave up at the deadline. */
    default void onTimeout(LockKey key) {
    }
}
