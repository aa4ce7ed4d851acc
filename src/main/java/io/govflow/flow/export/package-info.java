/**
 * The export flow: inline and streamed history, export files (history-only and complete packages), listing and
 * downloading them, the export validator, and the automatic export of significant updates.
 */
@NullMarked
package io.govflow.flow.export;

import org.jspecify.annotations.NullMarked;
