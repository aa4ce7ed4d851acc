/**
 * Dialectic review session files ({@code dialectic_sessions/{session_id}.json}): the reference's shape, unknown
 * fields kept, every change an atomic replace under the session lock.
 */
@NullMarked
package io.govflow.store.dialectic;

import org.jspecify.annotations.NullMarked;
