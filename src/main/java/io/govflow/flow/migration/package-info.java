/**
 * Taking over a reference server's data directory as it is: legacy state files moved into {@code agents/},
 * update logs synthesized from state arrays, plaintext keys hashed wherever the reference copied them, orphan
 * state files adopted, and the warnings that describe what the reference did not keep.
 */
@NullMarked
package io.govflow.flow.migration;

import org.jspecify.annotations.NullMarked;
