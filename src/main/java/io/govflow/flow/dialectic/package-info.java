/**
 * Dialectic review: a paused (or stuck) agent and a reviewer go thesis → antithesis → synthesis rounds → a signed
 * resolution (resume with conditions, or block), escalation or failure; every step persisted under the session
 * lock; also discovery disputes and self-recovery.
 */
@NullMarked
package io.govflow.flow.dialectic;

import org.jspecify.annotations.NullMarked;
