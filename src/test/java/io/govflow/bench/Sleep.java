package io.govflow.bench;

import java.util.concurrent.locks.LockSupport;

/** Waiting without checked exceptions; an interrupt ends the wait early and stays set. */
final class Sleep {

    private Sleep() {
    }

    static void nanos(long nanos) {
        until(System.nanoTime() + nanos);
    }

    static void millis(long millis) {
        nanos(millis * 1_000_000L);
    }

    /** Until {@code System.nanoTime()} reaches {@code deadline}. */
    static void until(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
