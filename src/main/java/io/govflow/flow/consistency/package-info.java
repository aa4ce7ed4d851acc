/**
 * Consistency checks of the data directory (the commit invariant, state files, metadata records, stray files)
 * and their repair: torn log tails and damaged state files to quarantine, checkpoints rolled forward from logs.
 */
@NullMarked
package io.govflow.flow.consistency;

import org.jspecify.annotations.NullMarked;
