/**
 * Durability harnesses of the whole service (no main package of this name): crash rounds with SIGKILL, two
 * processes on one data directory, two in-process instances collaborating; power loss in {@code powerloss},
 * the workloads they drive in {@code workload}. A cross-cutting suite, so it keeps its own top-level package
 * instead of mirroring a main package.
 */
@NullMarked
package io.govflow.durability;

import org.jspecify.annotations.NullMarked;
