/**
 * Export files: history documents (JSON, CSV) and complete packages streamed from an agent's update log into
 * {@code history/} and {@code exports/}, their names, and the export validator that reads ours and the
 * reference's.
 */
@NullMarked
package io.govflow.store.export;

import org.jspecify.annotations.NullMarked;
