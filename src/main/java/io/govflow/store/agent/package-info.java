/** Agent files: the per-agent update log and state file, and the shared agent metadata file. */
@NullMarked
package io.govflow.store.agent;

import org.jspecify.annotations.NullMarked;
