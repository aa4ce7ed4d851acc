/** Start-up recovery: leftover temp files and roll-forward of checkpoints from update logs. */
@NullMarked
package io.govflow.flow.recovery;

import org.jspecify.annotations.NullMarked;
