/**
 * The governance engine: EISV dynamics, coherence, the λ1 controller, Φ and verdict, attention score,
 * decision, status and sampling suggestions. Pure computation on a {@link io.govflow.engine.GovernanceState}:
 * no I/O, no clock, no framework.
 */
@NullMarked
package io.govflow.engine;

import org.jspecify.annotations.NullMarked;
