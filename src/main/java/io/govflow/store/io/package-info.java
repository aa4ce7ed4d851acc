/**
 * Durable file primitives: the data directory layout, atomic whole-file writes, fsync, the read-only latch,
 * two-layer locks, temp-file sweeping and the JSON format of every file the store writes.
 */
@NullMarked
package io.govflow.store.io;

import org.jspecify.annotations.NullMarked;
