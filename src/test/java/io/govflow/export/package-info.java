/** Tests of the export flow, the export validator, consistency checks and repair. */
@NullMarked
package io.govflow.export;

import org.jspecify.annotations.NullMarked;
