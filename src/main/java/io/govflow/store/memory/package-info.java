/**
 * The in-memory store ({@code govflow.store.kind=memory}): the agent stores kept in this process's heap, nothing
 * durable. For benchmarks (the persistence overhead of the file store) and tests only, never a user's default.
 */
@NullMarked
package io.govflow.store.memory;

import org.jspecify.annotations.NullMarked;
