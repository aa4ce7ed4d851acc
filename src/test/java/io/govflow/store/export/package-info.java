/** Tests of store.export: export files, their writers and the validator, streamed within a small heap. */
@NullMarked
package io.govflow.store.export;

import org.jspecify.annotations.NullMarked;
