/** Tests of flow.export: inline and streamed history, export files and the export of significant updates. */
@NullMarked
package io.govflow.flow.export;

import org.jspecify.annotations.NullMarked;
